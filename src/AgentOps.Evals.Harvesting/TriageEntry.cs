namespace AgentOps.Evals.Harvesting;

/// <summary>One line of the triage queue: a case a reviewer should label, and why it ranks where it does.</summary>
public sealed record TriageEntry(
    int Rank,
    string CaseId,
    string Path,
    double Score,
    int Count,
    IReadOnlyList<string> Flags,
    string? Category,
    string? Tier,
    string? Model,
    string Title);
