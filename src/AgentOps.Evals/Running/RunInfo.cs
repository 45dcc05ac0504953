namespace AgentOps.Evals.Running;

/// <summary>A stored run: one candidate over (a filter or shard of) the golden set, k trials per case.</summary>
public sealed record RunInfo
{
    public required string RunId { get; init; }
    public required CandidateIdentity Candidate { get; init; }
    public required int K { get; init; }
    /// <summary>Hash of the selected case files' contents: runs on the same revision compare like for like.</summary>
    public required string GoldenSetRevision { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public RunStatus Status { get; init; } = RunStatus.Running;
    public string? Filter { get; init; }
    public string? Shard { get; init; }
    /// <summary>The case ids selected for this run, with their suite, severity and tags at run time.</summary>
    public IReadOnlyList<RunCase> Cases { get; init; } = [];
    /// <summary>Git commit and branch when known, for "last green on main".</summary>
    public string? GitCommit { get; init; }
    public string? GitBranch { get; init; }
}

/// <summary>A case as it was when a run selected it: enough to slice and report without the case file.</summary>
public sealed record RunCase(string Id, string Suite, string Severity, IReadOnlyList<string> Tags, string File, int K, string Title = "");

/// <summary>Where a run stands.</summary>
public enum RunStatus { Running, Completed, Interrupted }
