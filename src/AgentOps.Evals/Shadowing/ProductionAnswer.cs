using AgentOps.Evals.Running;

namespace AgentOps.Evals.Shadowing;

/// <summary>What production answered a sampled input, as its trace recorded it (anonymized like the input).</summary>
public sealed record ProductionAnswer(
    string Text,
    IReadOnlyList<ToolCallRecord> ToolCalls,
    string? FinishReason,
    string? Model,
    long InputTokens,
    long OutputTokens,
    double LatencyMs,
    decimal CostUsd);
