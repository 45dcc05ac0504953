namespace AgentOps.Evals.Running;

/// <summary>One model call within a trial.</summary>
/// <param name="Index">0-based turn number within the trial.</param>
/// <param name="ModelId">The model that answered.</param>
/// <param name="InputTokens">Prompt tokens of this call.</param>
/// <param name="OutputTokens">Completion tokens of this call.</param>
/// <param name="LatencyMs">This call's latency in milliseconds.</param>
/// <param name="FinishReason">Why the model stopped, when it said.</param>
public sealed record ModelTurn(int Index, string ModelId, long InputTokens, long OutputTokens, double LatencyMs, string? FinishReason);

/// <summary>One tool call within a trial: what the model asked for and what the mocked tool answered.</summary>
/// <param name="TurnIndex">The model turn that asked for the call.</param>
/// <param name="Name">The tool's name.</param>
/// <param name="ArgumentsJson">The arguments as a JSON object text.</param>
/// <param name="ResultJson">The result as JSON text, or null when the call failed.</param>
/// <param name="Error">Why the call failed (no mock matched, bad arguments), or null.</param>
public sealed record ToolCallRecord(int TurnIndex, string Name, string ArgumentsJson, string? ResultJson, string? Error = null);

/// <summary>Everything that happened in a trial, in order: model turns and tool calls.</summary>
/// <param name="Turns">Every model call.</param>
/// <param name="ToolCalls">Every tool call.</param>
public sealed record Trajectory(IReadOnlyList<ModelTurn> Turns, IReadOnlyList<ToolCallRecord> ToolCalls)
{
    /// <summary>In a conversation case: every user turn and the agent's reply to it; empty for a single exchange.</summary>
    public IReadOnlyList<ConversationTurn> Conversation { get; init; } = [];

    /// <summary>No turns and no tool calls.</summary>
    public static Trajectory Empty { get; } = new([], []);
}
