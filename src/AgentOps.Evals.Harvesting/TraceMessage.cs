namespace AgentOps.Evals.Harvesting;

/// <summary>A tool call an assistant message asked for.</summary>
internal sealed record TraceToolCall(string? Id, string Name, string? Arguments);

/// <summary>One chat message as a trace recorded it, whatever the dialect.</summary>
internal sealed record TraceMessage(string Role, string Content, IReadOnlyList<TraceToolCall> ToolCalls, string? ToolCallId = null, string? FinishReason = null);
