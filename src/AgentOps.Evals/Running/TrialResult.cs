namespace AgentOps.Evals.Running;

/// <summary>The result of one trial of one case for one candidate: output, trajectory, usage and every assertion's verdict.</summary>
public sealed record TrialResult
{
    public required string RunId { get; init; }
    public required string CaseId { get; init; }
    public required int TrialIndex { get; init; }
    public required TrialOutcome Outcome { get; init; }
    public string Output { get; init; } = "";
    public Trajectory Trajectory { get; init; } = Trajectory.Empty;
    public TokenUsage Usage { get; init; } = TokenUsage.Zero;
    public double LatencyMs { get; init; }
    public string? FinishReason { get; init; }
    public IReadOnlyList<AssertionResult> Assertions { get; init; } = [];
    /// <summary>Why the trial failed outside its assertions (circuit breaker, missing recording, 429 after retries…).</summary>
    public string? Error { get; init; }
    /// <summary>A short class for <see cref="Error"/>: circuit-breaker, rate-limited, server-error, timeout, malformed-response, missing-recording, judge-error, target-error.</summary>
    public string? ErrorKind { get; init; }
    public DateTimeOffset FinishedAt { get; init; }

    public bool Passed => Outcome == TrialOutcome.Passed;
}
