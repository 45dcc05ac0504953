namespace AgentOps.Evals.FakeModelServer;

/// <summary>What the scripted agent answers: text, or tool calls (then <see cref="Text"/> is null).</summary>
internal sealed record ScriptedReply(string? Text, IReadOnlyList<ScriptedToolCall> ToolCalls, string FinishReason, string? RuleName);

/// <summary>One tool call of a reply; the id is derived from the conversation so the next request is reproducible.</summary>
internal sealed record ScriptedToolCall(string Id, string Name, string Arguments);
