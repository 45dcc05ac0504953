namespace AgentOps.Evals.Cases;

/// <summary>What the agent is given: the conversation, template vars, grounding context and mocked tools.</summary>
public sealed record CaseInput(
    IReadOnlyList<CaseMessage> Messages,
    IReadOnlyDictionary<string, string> Vars,
    IReadOnlyList<string> Context,
    IReadOnlyList<MockTool> Tools)
{
    /// <summary>Scripted user turns after <see cref="Messages"/>, each answered by the agent in turn; empty for a single exchange.</summary>
    public IReadOnlyList<CaseTurn> Turns { get; init; } = [];

    /// <summary>A model-played user that continues the conversation after the scripted turns, if any.</summary>
    public SimulatedUser? SimulatedUser { get; init; }

    /// <summary>The case's own response format (<c>input.response-format</c>), which wins over the candidate's: a structured-output case.</summary>
    public ResponseFormatSpec? ResponseFormat { get; init; }

    /// <summary>True when the case is a conversation of several agent replies.</summary>
    public bool IsConversation => Turns.Count > 0 || SimulatedUser is not null;

    /// <summary>The text of the last user message (the last scripted turn's, in a conversation), or empty.</summary>
    public string LastUserMessage => Turns.Count > 0 ? Turns[^1].User : Messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";
}
