namespace AgentOps.Evals.Running;

/// <summary>Who answered: every result and report carries this identity.</summary>
/// <param name="PromptHash">First 8 hex of the SHA-256 of the rendered prompt template ("none" without a template).</param>
/// <param name="Name">The candidate's name in the config.</param>
/// <param name="ModelId">The model it called.</param>
/// <param name="Provider">The provider that answered (e.g. replay, openai).</param>
/// <param name="HarnessVersion">The harness version that ran it.</param>
public sealed record CandidateIdentity(string Name, string ModelId, string PromptHash, string Provider, string HarnessVersion)
{
    /// <summary>The candidate's model settings as canonical text (e.g. <c>seed=7 temperature=0</c>), "" for provider defaults:
    /// candidates that differ only here are different candidates.</summary>
    public string Settings { get; init; } = "";

    /// <summary>The version of this harness, stamped on every run.</summary>
    public static string CurrentHarnessVersion { get; } =
        typeof(CandidateIdentity).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
