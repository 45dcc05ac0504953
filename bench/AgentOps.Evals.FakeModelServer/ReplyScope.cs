using System.Text.RegularExpressions;

namespace AgentOps.Evals.FakeModelServer;

/// <summary>What a rule sees of one request: the system prompt, the last user message and this turn's tool results.</summary>
internal sealed class ReplyScope
{
    public ReplyScope(ChatRequest request)
    {
        Request = request;
        Model = request.Model;
        var messages = request.Messages;
        var lastUser = -1;
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == "user")
            {
                lastUser = i;
                break;
            }
        }
        LastUserMessage = lastUser >= 0 ? messages[lastUser].Content : "";

        var system = new List<string>();
        foreach (var message in messages)
            if (message.Role is "system" or "developer") system.Add(message.Content);
        SystemText = string.Join("\n", system);

        List<ToolResult>? results = null;
        for (var i = lastUser + 1; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.Role != "tool") continue;
            results ??= [];
            results.Add(ToolResult.From(message.Name ?? ToolName(messages, i, message.ToolCallId) ?? "", message.Content));
        }
        ToolResults = results ?? (IReadOnlyList<ToolResult>)[];
        LatestToolResult = messages.Count > 0 && messages[^1].Role == "tool" && results is { Count: > 0 } ? results[^1] : null;
    }

    public ChatRequest Request { get; }

    public string Model { get; }

    public string SystemText { get; }

    public string LastUserMessage { get; }

    /// <summary>Tool results since the last user message, oldest first.</summary>
    public IReadOnlyList<ToolResult> ToolResults { get; }

    /// <summary>The tool result the conversation ends with, or null when it ends with a user message.</summary>
    public ToolResult? LatestToolResult { get; }

    /// <summary>The match of the rule being tried against the last user message, for <c>{{user.N}}</c>.</summary>
    public Match? UserMatch { get; set; }

    /// <summary>The match of the rule's <c>system-matches</c> regex against the system prompt, for <c>{{system.N}}</c>.</summary>
    public Match? SystemMatch { get; set; }

    public ToolResult? FindToolResult(string name)
    {
        for (var i = ToolResults.Count - 1; i >= 0; i--)
            if (ToolResults[i].Name == name) return ToolResults[i];
        return null;
    }

    public bool Offers(string toolName)
    {
        foreach (var tool in Request.Tools)
            if (tool.Name == toolName) return true;
        return false;
    }

    private static string? ToolName(IReadOnlyList<ChatRequestMessage> messages, int before, string? callId)
    {
        if (callId is null) return null;
        for (var i = before - 1; i >= 0; i--)
            foreach (var call in messages[i].ToolCalls)
                if (call.Id == callId) return call.Name;
        return null;
    }
}
