namespace AgentOps.Evals.FakeModelServer;

/// <summary>A tool call an assistant message made earlier in the conversation.</summary>
internal sealed record RequestToolCall(string Id, string Name, string Arguments);
