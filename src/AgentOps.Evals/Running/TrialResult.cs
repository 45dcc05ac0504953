namespace AgentOps.Evals.Running;

/// <summary>The result of one trial of one case for one candidate: output, trajectory, usage and every assertion's verdict.</summary>
public sealed record TrialResult
{
    /// <summary>The run the trial belongs to.</summary>
    public required string RunId { get; init; }
    /// <summary>The case the trial ran.</summary>
    public required string CaseId { get; init; }
    /// <summary>0-based trial number within the case (the cassette key uses it).</summary>
    public required int TrialIndex { get; init; }
    /// <summary>Passed, failed (an assertion failed) or an infrastructure error.</summary>
    public required TrialOutcome Outcome { get; init; }
    /// <summary>The candidate's final answer text.</summary>
    public string Output { get; init; } = "";
    /// <summary>Every model turn and tool call, in order.</summary>
    public Trajectory Trajectory { get; init; } = Trajectory.Empty;
    /// <summary>Tokens and USD, the candidate's and the judge's apart.</summary>
    public TokenUsage Usage { get; init; } = TokenUsage.Zero;
    /// <summary>Wall time of the trial's model calls, in milliseconds (recorded latency when replayed).</summary>
    public double LatencyMs { get; init; }
    /// <summary>The last model call's finish reason (stop, length, tool_calls…), when known.</summary>
    public string? FinishReason { get; init; }
    /// <summary>Each assertion's verdict and reason.</summary>
    public IReadOnlyList<AssertionResult> Assertions { get; init; } = [];
    /// <summary>Why the trial failed outside its assertions (circuit breaker, missing recording, 429 after retries…).</summary>
    public string? Error { get; init; }
    /// <summary>A short class for <see cref="Error"/>: circuit-breaker, rate-limited, server-error, timeout, malformed-response, missing-recording, judge-error, target-error.</summary>
    public string? ErrorKind { get; init; }
    /// <summary>When the trial finished.</summary>
    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>True when <see cref="Outcome"/> is <see cref="TrialOutcome.Passed"/>.</summary>
    public bool Passed => Outcome == TrialOutcome.Passed;
}
