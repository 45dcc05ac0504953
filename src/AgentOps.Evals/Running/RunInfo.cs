namespace AgentOps.Evals.Running;

/// <summary>A stored run: one candidate over (a filter or shard of) the golden set, k trials per case.</summary>
public sealed record RunInfo
{
    /// <summary>The run id (<c>run-yyyyMMdd-HHmmss-CANDIDATE-xxxx</c>).</summary>
    public required string RunId { get; init; }
    /// <summary>What ran: candidate name, model, prompt hash, provider and settings.</summary>
    public required CandidateIdentity Candidate { get; init; }
    /// <summary>Trials per case (a case's own consistency.k wins for that case).</summary>
    public required int K { get; init; }
    /// <summary>Hash of the selected case files' contents: runs on the same revision compare like for like.</summary>
    public required string GoldenSetRevision { get; init; }
    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>When the run finished; null while running or after an interruption.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>Running, completed or interrupted.</summary>
    public RunStatus Status { get; init; } = RunStatus.Running;
    /// <summary>The case filter the run was given (<c>run --filter</c>), if any.</summary>
    public string? Filter { get; init; }
    /// <summary>The shard the run took (<c>i/n</c>), if any.</summary>
    public string? Shard { get; init; }
    /// <summary>The case ids selected for this run, with their suite, severity and tags at run time.</summary>
    public IReadOnlyList<RunCase> Cases { get; init; } = [];
    /// <summary>Git commit and branch when known, for "last green on main".</summary>
    public string? GitCommit { get; init; }
    /// <summary>The git branch, when known.</summary>
    public string? GitBranch { get; init; }
}

/// <summary>A case as it was when a run selected it: enough to slice and report without the case file.</summary>
/// <param name="Id">The case id.</param>
/// <param name="Suite">The case's suite (its folder).</param>
/// <param name="Severity">P0…P3.</param>
/// <param name="Tags">The case's tags.</param>
/// <param name="File">The case file, relative to the working folder.</param>
/// <param name="K">Trials this case takes in the run.</param>
/// <param name="Title">The case's title.</param>
public sealed record RunCase(string Id, string Suite, string Severity, IReadOnlyList<string> Tags, string File, int K, string Title = "");

/// <summary>Where a run stands.</summary>
public enum RunStatus
{
    /// <summary>Trials are still being stored (or the process died without finishing).</summary>
    Running,
    /// <summary>Every selected trial is stored.</summary>
    Completed,
    /// <summary>Stopped early (cancelled); resume with <c>run --resume</c>.</summary>
    Interrupted,
}
