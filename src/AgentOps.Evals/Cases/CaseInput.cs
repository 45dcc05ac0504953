namespace AgentOps.Evals.Cases;

/// <summary>What the agent is given: the conversation, template vars, grounding context and mocked tools.</summary>
public sealed record CaseInput(
    IReadOnlyList<CaseMessage> Messages,
    IReadOnlyDictionary<string, string> Vars,
    IReadOnlyList<string> Context,
    IReadOnlyList<MockTool> Tools)
{
    /// <summary>The text of the last user message, or empty.</summary>
    public string LastUserMessage => Messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";
}
