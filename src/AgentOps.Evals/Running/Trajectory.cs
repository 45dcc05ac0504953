namespace AgentOps.Evals.Running;

/// <summary>One model call within a trial.</summary>
public sealed record ModelTurn(int Index, string ModelId, long InputTokens, long OutputTokens, double LatencyMs, string? FinishReason);

/// <summary>One tool call within a trial: what the model asked for and what the mocked tool answered.</summary>
/// <param name="ArgumentsJson">The arguments as a JSON object text.</param>
/// <param name="ResultJson">The result as JSON text, or null when the call failed.</param>
public sealed record ToolCallRecord(int TurnIndex, string Name, string ArgumentsJson, string? ResultJson, string? Error = null);

/// <summary>Everything that happened in a trial, in order: model turns and tool calls.</summary>
public sealed record Trajectory(IReadOnlyList<ModelTurn> Turns, IReadOnlyList<ToolCallRecord> ToolCalls)
{
    /// <summary>In a conversation case: every user turn and the agent's reply to it; empty for a single exchange.</summary>
    public IReadOnlyList<ConversationTurn> Conversation { get; init; } = [];

    public static Trajectory Empty { get; } = new([], []);
}
