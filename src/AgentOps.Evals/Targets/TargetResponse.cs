using AgentOps.Evals.Running;

namespace AgentOps.Evals.Targets;

/// <summary>What a target answered: the final text, the trajectory that led to it, usage and timing.</summary>
/// <param name="CircuitBreaker">True when the tool loop hit run.max-tool-iterations: a failed trial, not a crash.</param>
public sealed record TargetResponse(
    string Output,
    Trajectory Trajectory,
    TokenUsage Usage,
    double LatencyMs,
    string? FinishReason,
    string ModelId,
    bool CircuitBreaker = false);
