using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Evals.FakeModelServer;

/// <summary>A tool message of the current turn, with its tool's name and its content read as JSON when it is JSON.</summary>
internal sealed record ToolResult(string Name, string Content, JsonNode? Json)
{
    public static ToolResult From(string name, string content) => new(name, content, ParseLenient(content));

    /// <summary>Clients send a result as JSON, or as a JSON string holding JSON (serialized twice); both read as the inner JSON.</summary>
    private static JsonNode? ParseLenient(string content)
    {
        var trimmed = content.AsSpan().TrimStart();
        if (trimmed.IsEmpty || (trimmed[0] != '{' && trimmed[0] != '[' && trimmed[0] != '"')) return null;
        try
        {
            var node = JsonNode.Parse(content);
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                var inner = value.GetValue<string>().TrimStart();
                if (inner.StartsWith('{') || inner.StartsWith('[')) return JsonNode.Parse(inner);
            }
            return node;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
