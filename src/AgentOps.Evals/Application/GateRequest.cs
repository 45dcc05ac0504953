namespace AgentOps.Evals.Application;

/// <summary>What the gate compares. Each side is a candidate name (run now), a stored run id, or <c>last-green:CANDIDATE</c>;
/// <paramref name="From"/> (stored runs: BASELINE CANDIDATE, or just CANDIDATE) takes the place of both.</summary>
/// <param name="Baseline">Default: the config's baseline.</param>
/// <param name="K">Trials per case for runs made now (default: run.k).</param>
/// <param name="WithHistory">Also load the candidate's past runs (for the HTML report).</param>
public sealed record GateRequest(
    string? Baseline = null,
    string? Candidate = null,
    IReadOnlyList<string>? From = null,
    int? K = null,
    string? Filter = null,
    string? Provider = null,
    bool WithHistory = false);
