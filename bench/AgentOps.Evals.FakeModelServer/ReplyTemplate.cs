using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentOps.Evals.FakeModelServer;

/// <summary>
/// A reply or argument text with <c>{{...}}</c> placeholders, split once into parts so that rendering does no parsing.
/// Placeholders: <c>user.1</c> / <c>user.name</c> (regex groups of the last user message), <c>system.1</c> (groups of system-matches), <c>tool</c> / <c>tool.a.b</c>
/// (the latest tool result), <c>tools.NAME.a.b</c> (the latest result of tool NAME this turn), <c>model</c>.
/// An unresolved placeholder stays in the text as written, so a broken script is visible in the reply.
/// </summary>
internal sealed class ReplyTemplate
{
    private readonly Part[] _parts;

    private ReplyTemplate(Part[] parts, string source)
    {
        _parts = parts;
        Source = source;
    }

    public string Source { get; }

    public bool IsLiteral => _parts.All(p => p.Placeholder is null);

    public static ReplyTemplate Parse(string text)
    {
        var parts = new List<Part>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (open < 0 || close < 0)
            {
                parts.Add(new Part(text[position..], null));
                break;
            }
            if (open > position) parts.Add(new Part(text[position..open], null));
            var raw = text[open..(close + 2)];
            parts.Add(new Part(raw, text[(open + 2)..close].Trim().Split('.')));
            position = close + 2;
        }
        return new ReplyTemplate([.. parts], text);
    }

    public string Render(ReplyScope scope)
    {
        if (_parts.Length == 1 && _parts[0].Placeholder is null) return _parts[0].Text;
        var builder = new StringBuilder();
        foreach (var part in _parts)
            builder.Append(part.Placeholder is null ? part.Text : Resolve(part.Placeholder, scope) ?? part.Text);
        return builder.ToString();
    }

    private static string? Resolve(string[] path, ReplyScope scope)
    {
        switch (path[0])
        {
            case "model" when path.Length == 1:
                return scope.Model;
            case "user" when path.Length == 2 && scope.UserMatch is { } match:
                return Group(match, path[1]);
            case "system" when path.Length == 2 && scope.SystemMatch is { } match:
                return Group(match, path[1]);
            case "tool" when scope.LatestToolResult is { } latest:
                return path.Length == 1 ? latest.Content : Text(Walk(latest.Json, path, 1));
            case "tools" when path.Length >= 2 && scope.FindToolResult(path[1]) is { } named:
                return path.Length == 2 ? named.Content : Text(Walk(named.Json, path, 2));
            default:
                return null;
        }
    }

    private static string? Group(Match match, string name)
    {
        var group = int.TryParse(name, out var index) ? match.Groups[index] : match.Groups[name];
        return group.Success ? group.Value : null;
    }

    internal static JsonNode? Walk(JsonNode? node, string[] path, int start)
    {
        for (var i = start; i < path.Length && node is not null; i++)
        {
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(path[i], out var child) ? child : null,
                JsonArray array when int.TryParse(path[i], out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
        }
        return node;
    }

    internal static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private sealed record Part(string Text, string[]? Placeholder);
}
