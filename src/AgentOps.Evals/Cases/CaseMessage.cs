namespace AgentOps.Evals.Cases;

/// <summary>One message of a case's input conversation. Role is system, user, assistant or tool.</summary>
public sealed record CaseMessage(string Role, string Content)
{
    /// <summary>The tool calls of an assistant message in the history (its content may then be empty).</summary>
    public IReadOnlyList<CaseToolCall> ToolCalls { get; init; } = [];

    /// <summary>For a tool message: the id of the call it answers.</summary>
    public string? ToolCallId { get; init; }
}
