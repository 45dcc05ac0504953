using System.Text.Json;

namespace AgentOps.Evals.Tests.Providers.Native;

/// <summary>Replies in each provider's own wire format, as its documentation shows them.</summary>
internal static class WireReplies
{
    private static string Json(object value) => JsonSerializer.Serialize(value);

    public static WireReply RateLimited(int retryAfterSeconds) =>
        new(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}",
            Headers: new Dictionary<string, string> { ["retry-after"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    // Anthropic Messages API (POST /v1/messages)
    public static WireReply AnthropicText(string text, int input, int output) => new(200, Json(new
    {
        id = "msg_01", type = "message", role = "assistant", model = "claude-sonnet-4-5",
        content = new object[] { new { type = "text", text } },
        stop_reason = "end_turn", stop_sequence = (string?)null,
        usage = new { input_tokens = input, output_tokens = output },
    }));

    public static WireReply AnthropicToolUse(string tool, object input) => new(200, Json(new
    {
        id = "msg_02", type = "message", role = "assistant", model = "claude-sonnet-4-5",
        content = new object[] { new { type = "text", text = "Let me look that up." }, new { type = "tool_use", id = "toolu_01", name = tool, input } },
        stop_reason = "tool_use", stop_sequence = (string?)null,
        usage = new { input_tokens = 30, output_tokens = 12 },
    }));

    public static WireReply AnthropicStream(string[] parts, int input, int output)
    {
        static string Event(string name, object data) => $"event: {name}\ndata: {Json(data)}\n\n";
        var body = Event("message_start", new { type = "message_start", message = new { id = "msg_03", type = "message", role = "assistant", model = "claude-sonnet-4-5", content = Array.Empty<object>(), stop_reason = (string?)null, stop_sequence = (string?)null, usage = new { input_tokens = input, output_tokens = 1 } } })
            + Event("content_block_start", new { type = "content_block_start", index = 0, content_block = new { type = "text", text = "" } })
            + string.Concat(parts.Select(p => Event("content_block_delta", new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = p } })))
            + Event("content_block_stop", new { type = "content_block_stop", index = 0 })
            + Event("message_delta", new { type = "message_delta", delta = new { stop_reason = "end_turn", stop_sequence = (string?)null }, usage = new { output_tokens = output } })
            + Event("message_stop", new { type = "message_stop" });
        return new WireReply(200, body, "text/event-stream");
    }

    // Ollama (POST /api/chat)
    public static WireReply OllamaText(string text, int input, int output) => new(200, Json(new
    {
        model = "llama3.2", created_at = "2026-12-03T18:00:00Z", message = new { role = "assistant", content = text },
        done = true, done_reason = "stop", prompt_eval_count = input, eval_count = output,
    }));

    public static WireReply OllamaToolCall(string tool, object arguments) => new(200, Json(new
    {
        model = "llama3.2", created_at = "2026-12-03T18:00:00Z",
        message = new { role = "assistant", content = "", tool_calls = new[] { new { function = new { name = tool, arguments } } } },
        done = true, done_reason = "stop", prompt_eval_count = 30, eval_count = 12,
    }));

    public static WireReply OllamaStream(string[] parts, int input, int output)
    {
        var lines = parts.Select((p, i) => Json(new { model = "llama3.2", created_at = "2026-12-03T18:00:00Z", message = new { role = "assistant", content = p }, done = false }))
            .Append(Json(new { model = "llama3.2", created_at = "2026-12-03T18:00:00Z", message = new { role = "assistant", content = "" }, done = true, done_reason = "stop", prompt_eval_count = input, eval_count = output }));
        return new WireReply(200, string.Join("\n", lines) + "\n", "application/x-ndjson");
    }

    // Azure OpenAI (POST /openai/deployments/{deployment}/chat/completions?api-version=…): OpenAI's chat completion shape.
    public static WireReply AzureText(string text, int input, int output) => new(200, Json(new
    {
        id = "chatcmpl-1", @object = "chat.completion", created = 1764784800, model = "gpt-4o-2024-08-06",
        choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
        usage = new { prompt_tokens = input, completion_tokens = output, total_tokens = input + output },
    }));

    public static WireReply AzureToolCall(string tool, object arguments) => new(200, Json(new
    {
        id = "chatcmpl-2", @object = "chat.completion", created = 1764784800, model = "gpt-4o-2024-08-06",
        choices = new[] { new { index = 0, message = new { role = "assistant", content = (string?)null, tool_calls = new[] { new { id = "call_1", type = "function", function = new { name = tool, arguments = Json(arguments) } } } }, finish_reason = "tool_calls" } },
        usage = new { prompt_tokens = 30, completion_tokens = 12, total_tokens = 42 },
    }));

    public static WireReply AzureStream(string[] parts, int input, int output)
    {
        var chunks = parts.Select(p => Json(new { id = "chatcmpl-3", @object = "chat.completion.chunk", created = 1764784800, model = "gpt-4o-2024-08-06", choices = new[] { new { index = 0, delta = new { content = p }, finish_reason = (string?)null } } }))
            .Append(Json(new { id = "chatcmpl-3", @object = "chat.completion.chunk", created = 1764784800, model = "gpt-4o-2024-08-06", choices = new[] { new { index = 0, delta = new { content = (string?)null }, finish_reason = (string?)"stop" } } }))
            .Append(Json(new { id = "chatcmpl-3", @object = "chat.completion.chunk", created = 1764784800, model = "gpt-4o-2024-08-06", choices = Array.Empty<object>(), usage = new { prompt_tokens = input, completion_tokens = output, total_tokens = input + output } }));
        return new WireReply(200, string.Concat(chunks.Select(c => $"data: {c}\n\n")) + "data: [DONE]\n\n", "text/event-stream");
    }
}
