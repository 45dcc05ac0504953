namespace AgentOps.Evals.Tests.Gating;

/// <summary>A case of the noisy fake: each trial passes with <paramref name="PassProbability"/>.</summary>
internal sealed record FakeCase(string Id, double PassProbability, string Severity = "P2", string Suite = "support", string[]? Tags = null)
{
    public IReadOnlyList<string> TagList => Tags ?? [];
}
