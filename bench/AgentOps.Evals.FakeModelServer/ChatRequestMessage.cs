namespace AgentOps.Evals.FakeModelServer;

/// <summary>One message of a chat request.</summary>
internal sealed record ChatRequestMessage(string Role, string Content, string? ToolCallId, string? Name, IReadOnlyList<RequestToolCall> ToolCalls);
