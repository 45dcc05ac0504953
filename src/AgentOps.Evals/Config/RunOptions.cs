namespace AgentOps.Evals.Config;

/// <summary>How a run executes: trials per case, parallelism, time limits and retries.</summary>
public sealed record RunOptions
{
    /// <summary>The most trials per case a run takes, from the config or the command line.</summary>
    public const int MaxK = 1000;

    /// <summary>The longest per-call timeout accepted (a day); larger values overflow a <see cref="TimeSpan"/>.</summary>
    public const double MaxTimeoutSeconds = 86_400;

    /// <summary>Trials per case (<c>run.k</c>); a case's consistency.k wins.</summary>
    public int K { get; init; } = 3;
    /// <summary>Trials in flight at once (<c>run.concurrency</c>).</summary>
    public int Concurrency { get; init; } = 16;
    /// <summary>Per-call timeout in seconds (<c>run.timeout-s</c>).</summary>
    public double TimeoutSeconds { get; init; } = 60;
    /// <summary>Retries of a failed call (5xx, timeouts) before it counts as an infrastructure error (<c>run.retries</c>).</summary>
    public int Retries { get; init; } = 4;
    /// <summary>How long one call may keep retrying 429s (honouring retry-after) before it counts as an infra error;
    /// rate limits are waited out by time, not by a small count.</summary>
    public double RetryBudgetSeconds { get; init; } = 300;
    /// <summary>The most model turns a trial takes while tools are being called (<c>run.max-tool-iterations</c>).</summary>
    public int MaxToolIterations { get; init; } = 8;
    /// <summary>Case files larger than this are rejected before parsing.</summary>
    public long MaxCaseFileBytes { get; init; } = 1024 * 1024;
}
