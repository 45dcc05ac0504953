using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// Chat messages written as JSON, in the shapes instrumentations use: the GenAI "parts" shape
/// (<c>{role, parts:[{type:text|tool_call|tool_call_response}]}</c>) and the OpenAI shape (<c>{role, content, tool_calls}</c>).
/// </summary>
internal static class MessageJson
{
    public static IEnumerable<TraceMessage> Parse(string? json, string? defaultRole = null)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        JsonNode? node;
        try { node = JsonNode.Parse(json); }
        catch (JsonException) { return defaultRole is null ? [] : [new TraceMessage(defaultRole, json, [])]; }
        return Parse(node, defaultRole);
    }

    public static IEnumerable<TraceMessage> Parse(JsonNode? node, string? defaultRole = null)
    {
        switch (node)
        {
            case JsonArray array:
                return array.SelectMany(item => Parse(item, defaultRole)).ToList();
            case JsonObject obj when obj["messages"] is JsonArray messages:
                return Parse(messages, defaultRole);
            case JsonObject obj:
                return One(obj, defaultRole) is { } message ? [message] : [];
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && defaultRole is not null:
                return [new TraceMessage(defaultRole, value.GetValue<string>(), [])];
            default:
                return [];
        }
    }

    /// <summary>
    /// The finish reasons <see cref="Parse(string?, string?)"/> would find on the messages of a string attribute (the
    /// usual shape), read without building the messages: the first pass needs only these. False, adding nothing, for any
    /// other shape, and the caller parses in full.
    /// </summary>
    public static bool TryFinishReasons(JsonElement anyValue, List<string> into)
    {
        if (anyValue.ValueKind != JsonValueKind.Object || !anyValue.TryGetProperty("stringValue"u8, out var text) || text.ValueKind != JsonValueKind.String)
            return false;
        var fields = 0;
        foreach (var _ in anyValue.EnumerateObject()) fields++;
        if (fields != 1) return false; // OtlpValue reads the first known field; leave any odder shape to it
        var json = text.GetString();
        if (string.IsNullOrWhiteSpace(json)) return true;
        try
        {
            using var document = JsonDocument.Parse(json);
            AddFinishReasons(document.RootElement, into);
        }
        catch (JsonException)
        {
            // Not JSON: Parse makes it one message with no finish reason.
        }
        return true;
    }

    private static void AddFinishReasons(JsonElement node, List<string> into)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray()) AddFinishReasons(item, into);
                break;
            case JsonValueKind.Object when node.TryGetProperty("messages"u8, out var messages) && messages.ValueKind == JsonValueKind.Array:
                AddFinishReasons(messages, into);
                break;
            case JsonValueKind.Object:
                if (!node.TryGetProperty("finish_reason"u8, out var finish) || finish.ValueKind == JsonValueKind.Null) break;
                var reason = finish.ValueKind == JsonValueKind.String ? finish.GetString()! : Text(JsonNode.Parse(finish.GetRawText()));
                if (reason is not null && !into.Contains(reason)) into.Add(reason);
                break;
        }
    }

    public static TraceMessage? One(JsonObject obj, string? defaultRole)
    {
        // gen_ai.choice bodies wrap the message: {index, finish_reason, message:{…}}.
        var finish = Text(obj["finish_reason"]);
        if (obj["message"] is JsonObject inner) obj = inner;
        var role = Text(obj["role"]) ?? defaultRole;
        if (role is null) return null;
        var content = new List<string>();
        var calls = new List<TraceToolCall>();
        string? toolCallId = Text(obj["tool_call_id"]) ?? Text(obj["id"]);
        switch (obj["content"])
        {
            case JsonValue v when v.GetValueKind() == JsonValueKind.String: content.Add(v.GetValue<string>()); break;
            case JsonArray parts: ReadParts(parts, content, calls, ref toolCallId); break;
        }
        if (obj["parts"] is JsonArray genAiParts) ReadParts(genAiParts, content, calls, ref toolCallId);
        if (obj["tool_calls"] is JsonArray toolCalls)
        {
            foreach (var call in toolCalls.OfType<JsonObject>())
            {
                var function = call["function"] as JsonObject ?? call;
                calls.Add(new TraceToolCall(Text(call["id"]), Text(function["name"]) ?? "", ArgumentsText(function["arguments"])));
            }
        }
        return new TraceMessage(role, string.Join("\n", content), calls, role == "tool" ? toolCallId : null, finish);
    }

    private static void ReadParts(JsonArray parts, List<string> content, List<TraceToolCall> calls, ref string? toolCallId)
    {
        foreach (var part in parts)
        {
            if (part is JsonValue s && s.GetValueKind() == JsonValueKind.String) { content.Add(s.GetValue<string>()); continue; }
            if (part is not JsonObject p) continue;
            switch (Text(p["type"]))
            {
                case "tool_call":
                    calls.Add(new TraceToolCall(Text(p["id"]), Text(p["name"]) ?? "", ArgumentsText(p["arguments"])));
                    break;
                case "tool_call_response":
                    toolCallId ??= Text(p["id"]);
                    content.Add(ArgumentsText(p["response"] ?? p["result"]) ?? "");
                    break;
                default:
                    if ((Text(p["content"]) ?? Text(p["text"])) is { } text) content.Add(text);
                    break;
            }
        }
    }

    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node?.ToJsonString();

    private static string? ArgumentsText(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node?.ToJsonString();
}
