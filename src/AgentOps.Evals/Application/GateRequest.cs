namespace AgentOps.Evals.Application;

/// <summary>What the gate compares. Each side is a candidate name (run now), a stored run id, or <c>last-green:CANDIDATE</c>;
/// <paramref name="From"/> (stored runs: BASELINE CANDIDATE, or just CANDIDATE) takes the place of both.</summary>
/// <param name="Baseline">Default: the config's baseline.</param>
/// <param name="K">Trials per case for runs made now (default: run.k).</param>
/// <param name="WithHistory">Also load the candidate's past runs (for the HTML report).</param>
/// <param name="Candidate">Required unless <paramref name="From"/> names it; a missing one is an input error naming --candidate.</param>
/// <param name="From">One or two stored-run specs; the last is the candidate, the first (of two) the baseline. Two stored runs open the store read-only.</param>
/// <param name="Filter">Which cases the runs made now cover; null: every active case.</param>
/// <param name="Provider">A provider to use for runs made now instead of each candidate's own.</param>
public sealed record GateRequest(
    string? Baseline = null,
    string? Candidate = null,
    IReadOnlyList<string>? From = null,
    int? K = null,
    string? Filter = null,
    string? Provider = null,
    bool WithHistory = false);
