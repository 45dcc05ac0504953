using AgentOps.Evals.Running;

namespace AgentOps.Evals.Targets;

/// <summary>What a target answered: the final text, the trajectory that led to it, usage and timing.</summary>
/// <param name="Output">The final answer text the assertions score.</param>
/// <param name="Trajectory">The tool calls (and conversation turns) made on the way to the answer.</param>
/// <param name="Usage">Tokens and cost of the model calls made for this answer.</param>
/// <param name="LatencyMs">Wall time of the answer in milliseconds; 0 where not measured (judging stored answers).</param>
/// <param name="FinishReason">Why the model stopped (e.g. <c>stop</c>, <c>length</c>); null when unknown.</param>
/// <param name="ModelId">The model that answered, as the provider reported it, else the configured model; "" when unknown.</param>
/// <param name="CircuitBreaker">True when the tool loop hit run.max-tool-iterations: a failed trial, not a crash.</param>
public sealed record TargetResponse(
    string Output,
    Trajectory Trajectory,
    TokenUsage Usage,
    double LatencyMs,
    string? FinishReason,
    string ModelId,
    bool CircuitBreaker = false);
