using System.Text.Json;

namespace AgentOps.Evals.FakeModelServer;

/// <summary>The parts of an OpenAI chat completions request the fake server uses.</summary>
internal sealed record ChatRequest(
    string Model,
    IReadOnlyList<ChatRequestMessage> Messages,
    IReadOnlyList<OfferedTool> Tools,
    bool Stream,
    bool IncludeUsage,
    int? MaxTokens)
{
    /// <summary>The type of the request's <c>response_format</c> (text, json_object, json_schema), or "" when it asks for none.</summary>
    public string ResponseFormat { get; init; } = "";

    /// <summary>Reads the request body; throws <see cref="JsonException"/> when it is not a chat request.</summary>
    public static ChatRequest Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("The request body must be a JSON object.");
        var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        if (!root.TryGetProperty("messages", out var messagesElement) || messagesElement.ValueKind != JsonValueKind.Array)
            throw new JsonException("'messages' must be an array.");

        var messages = new List<ChatRequestMessage>(messagesElement.GetArrayLength());
        foreach (var item in messagesElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) throw new JsonException("Each message must be an object.");
            var role = item.TryGetProperty("role", out var r) ? r.GetString() ?? "" : "";
            var content = item.TryGetProperty("content", out var c) ? ContentText(c) : "";
            var toolCallId = item.TryGetProperty("tool_call_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            List<RequestToolCall>? calls = null;
            if (item.TryGetProperty("tool_calls", out var tc) && tc.ValueKind == JsonValueKind.Array)
            {
                calls = [];
                foreach (var call in tc.EnumerateArray())
                {
                    var fn = call.TryGetProperty("function", out var f) ? f : default;
                    calls.Add(new RequestToolCall(
                        call.TryGetProperty("id", out var cid) ? cid.GetString() ?? "" : "",
                        fn.ValueKind == JsonValueKind.Object && fn.TryGetProperty("name", out var fnName) ? fnName.GetString() ?? "" : "",
                        fn.ValueKind == JsonValueKind.Object && fn.TryGetProperty("arguments", out var args) ? args.GetString() ?? "" : ""));
                }
            }
            messages.Add(new ChatRequestMessage(role, content, toolCallId, name, calls ?? (IReadOnlyList<RequestToolCall>)[]));
        }

        var tools = new List<OfferedTool>();
        if (root.TryGetProperty("tools", out var toolsElement) && toolsElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var tool in toolsElement.EnumerateArray())
            {
                if (!tool.TryGetProperty("function", out var fn) || fn.ValueKind != JsonValueKind.Object) continue;
                tools.Add(new OfferedTool(
                    fn.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "",
                    fn.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() ?? "" : ""));
            }
        }

        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var includeUsage = root.TryGetProperty("stream_options", out var so) && so.ValueKind == JsonValueKind.Object
            && so.TryGetProperty("include_usage", out var iu) && iu.ValueKind == JsonValueKind.True;
        int? maxTokens = null;
        foreach (var key in (ReadOnlySpan<string>)["max_completion_tokens", "max_tokens"])
        {
            if (root.TryGetProperty(key, out var mt) && mt.ValueKind == JsonValueKind.Number && mt.TryGetInt32(out var value))
            {
                maxTokens = value;
                break;
            }
        }
        var format = root.TryGetProperty("response_format", out var rf) && rf.ValueKind == JsonValueKind.Object
            && rf.TryGetProperty("type", out var ft) && ft.ValueKind == JsonValueKind.String ? ft.GetString() ?? "" : "";
        return new ChatRequest(model, messages, tools, stream, includeUsage, maxTokens) { ResponseFormat = format };
    }

    /// <summary>Message content is a string or an array of parts; only text parts count here.</summary>
    private static string ContentText(JsonElement content)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                return content.GetString() ?? "";
            case JsonValueKind.Array:
                var texts = new List<string>();
                foreach (var part in content.EnumerateArray())
                    if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                        texts.Add(t.GetString()!);
                return string.Join("\n", texts);
            default:
                return "";
        }
    }
}
