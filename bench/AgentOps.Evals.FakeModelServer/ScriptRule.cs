using System.Text.RegularExpressions;

namespace AgentOps.Evals.FakeModelServer;

/// <summary>One compiled rule of the scripted agent: when it matches, and what it answers.</summary>
/// <param name="After"><c>none</c> (no tool result this turn), <c>any</c>, or the name of the tool whose result the conversation ends with.</param>
/// <param name="ToolResult">Conditions on the latest tool result: a dot path and a regex its value must match.</param>
internal sealed record ScriptRule(
    string Name,
    IReadOnlyList<string> SystemContains,
    IReadOnlyList<string> SystemNotContains,
    Regex? SystemMatches,
    Regex? User,
    Regex? Model,
    string After,
    IReadOnlyList<KeyValuePair<string[], Regex>> ToolResult,
    IReadOnlyList<ToolCallTemplate> Calls,
    ReplyTemplate? Reply,
    string? FinishReason)
{
    /// <summary>Must match the request's response_format type (json_schema, json_object, text; "" when none was asked for).</summary>
    public Regex? ResponseFormat { get; init; }

    public const string AfterNone = "none";
    public const string AfterAny = "any";

    /// <summary>True when the rule applies; sets <see cref="ReplyScope.UserMatch"/> for rendering.</summary>
    public bool Matches(ReplyScope scope)
    {
        switch (After)
        {
            case AfterNone when scope.ToolResults.Count > 0:
                return false;
            case AfterNone or AfterAny:
                break;
            default:
                if (scope.LatestToolResult?.Name != After) return false;
                break;
        }
        foreach (var text in SystemContains)
            if (!scope.SystemText.Contains(text, StringComparison.OrdinalIgnoreCase)) return false;
        foreach (var text in SystemNotContains)
            if (scope.SystemText.Contains(text, StringComparison.OrdinalIgnoreCase)) return false;
        if (Model is not null && !Model.IsMatch(scope.Model)) return false;
        if (ResponseFormat is not null && !ResponseFormat.IsMatch(scope.Request.ResponseFormat)) return false;
        if (SystemMatches is not null)
        {
            var system = SystemMatches.Match(scope.SystemText);
            if (!system.Success) return false;
            scope.SystemMatch = system;
        }
        else
        {
            scope.SystemMatch = null;
        }
        foreach (var call in Calls)
            if (!scope.Offers(call.Name)) return false;
        foreach (var (path, pattern) in ToolResult)
        {
            var value = path[0] == "tools"
                ? (path.Length >= 2 ? ReplyTemplate.Text(ReplyTemplate.Walk(scope.FindToolResult(path[1])?.Json, path, 2)) : null)
                : ReplyTemplate.Text(ReplyTemplate.Walk(scope.LatestToolResult?.Json, path, 0));
            if (value is null || !pattern.IsMatch(value)) return false;
        }
        if (User is null)
        {
            scope.UserMatch = null;
            return true;
        }
        var match = User.Match(scope.LastUserMessage);
        scope.UserMatch = match.Success ? match : null;
        return match.Success;
    }
}

/// <summary>A tool call a rule answers with.</summary>
internal sealed record ToolCallTemplate(string Name, ArgumentTemplate Arguments);
