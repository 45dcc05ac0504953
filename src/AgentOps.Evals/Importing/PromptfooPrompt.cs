using AgentOps.Evals.Cases;

namespace AgentOps.Evals.Importing;

/// <summary>One promptfoo prompt as chat messages (a text prompt is one user message), still templated with <c>{{var}}</c>.</summary>
internal sealed record PromptfooPrompt(string Label, IReadOnlyList<CaseMessage> Messages)
{
    /// <summary>The system messages joined, or null.</summary>
    public string? System => Messages.Any(m => m.Role == "system") ? string.Join("\n\n", Messages.Where(m => m.Role == "system").Select(m => m.Content)) : null;

    /// <summary>Every message but the system ones, in order.</summary>
    public IReadOnlyList<CaseMessage> Conversation => [.. Messages.Where(m => m.Role != "system")];
}
