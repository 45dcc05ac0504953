using System.Buffers;
using System.Text.Json;

namespace AgentOps.Evals.FakeModelServer;

/// <summary>Writes a scripted reply in the OpenAI wire format: one chat.completion object, or SSE chat.completion.chunk events.</summary>
internal static class CompletionWriter
{
    private const int WordsPerChunk = 4;
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    public static void WriteCompletion(IBufferWriter<byte> output, CompletionHeader header, ScriptedReply reply)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        WriteHead(json, header, "chat.completion");
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("message");
        json.WriteString("role", "assistant");
        if (reply.Text is not null) json.WriteString("content", reply.Text);
        else json.WriteNull("content");
        json.WriteNull("refusal");
        if (reply.ToolCalls.Count > 0)
        {
            json.WriteStartArray("tool_calls");
            foreach (var call in reply.ToolCalls)
            {
                json.WriteStartObject();
                json.WriteString("id", call.Id);
                json.WriteString("type", "function");
                json.WriteStartObject("function");
                json.WriteString("name", call.Name);
                json.WriteString("arguments", call.Arguments);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteNull("logprobs");
        json.WriteString("finish_reason", reply.FinishReason);
        json.WriteEndObject();
        json.WriteEndArray();
        WriteUsage(json, header);
        json.WriteEndObject();
    }

    public static void WriteStream(IBufferWriter<byte> output, CompletionHeader header, ScriptedReply reply, bool includeUsage)
    {
        using var json = new Utf8JsonWriter(output);
        void Chunk(Action<Utf8JsonWriter>? delta, string? finishReason)
        {
            output.Write(DataPrefix);
            json.Reset(output);
            json.WriteStartObject();
            WriteHead(json, header, "chat.completion.chunk");
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteStartObject("delta");
            delta?.Invoke(json);
            json.WriteEndObject();
            json.WriteNull("logprobs");
            if (finishReason is null) json.WriteNull("finish_reason");
            else json.WriteString("finish_reason", finishReason);
            json.WriteEndObject();
            json.WriteEndArray();
            if (includeUsage) json.WriteNull("usage");
            json.WriteEndObject();
            json.Flush();
            output.Write(EventEnd);
        }

        if (reply.Text is not null)
        {
            Chunk(j => { j.WriteString("role", "assistant"); j.WriteString("content", ""); }, null);
            foreach (var piece in Pieces(reply.Text)) Chunk(j => j.WriteString("content", piece), null);
        }
        else
        {
            Chunk(j => { j.WriteString("role", "assistant"); j.WriteNull("content"); }, null);
            for (var i = 0; i < reply.ToolCalls.Count; i++)
            {
                var call = reply.ToolCalls[i];
                var index = i;
                Chunk(j => ToolCallDelta(j, index, j2 =>
                {
                    j2.WriteString("id", call.Id);
                    j2.WriteString("type", "function");
                }, call.Name, ""), null);
                // Arguments arrive in two pieces, as real servers split them, so clients must concatenate.
                var half = call.Arguments.Length / 2;
                Chunk(j => ToolCallDelta(j, index, null, null, call.Arguments[..half]), null);
                Chunk(j => ToolCallDelta(j, index, null, null, call.Arguments[half..]), null);
            }
        }
        Chunk(null, reply.FinishReason);

        if (includeUsage)
        {
            output.Write(DataPrefix);
            json.Reset(output);
            json.WriteStartObject();
            WriteHead(json, header, "chat.completion.chunk");
            json.WriteStartArray("choices");
            json.WriteEndArray();
            WriteUsage(json, header);
            json.WriteEndObject();
            json.Flush();
            output.Write(EventEnd);
        }
        output.Write(Done);
    }

    /// <summary>A body that starts like a completion and stops mid-string: what a proxy cut-off looks like.</summary>
    public static void WriteMalformed(IBufferWriter<byte> output, CompletionHeader header) =>
        output.Write(System.Text.Encoding.UTF8.GetBytes(
            $"{{\"id\":\"{header.Id}\",\"object\":\"chat.completion\",\"model\":\"{JsonEncodedText.Encode(header.Model)}\",\"choices\":[{{\"index\":0,\"message\":{{\"role\":\"assistant\",\"content\":\"I can he"));

    public static void WriteError(IBufferWriter<byte> output, string message, string type, string? code)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", message);
        json.WriteString("type", type);
        json.WriteNull("param");
        if (code is null) json.WriteNull("code");
        else json.WriteString("code", code);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void ToolCallDelta(Utf8JsonWriter json, int index, Action<Utf8JsonWriter>? head, string? name, string arguments)
    {
        json.WriteStartArray("tool_calls");
        json.WriteStartObject();
        json.WriteNumber("index", index);
        head?.Invoke(json);
        json.WriteStartObject("function");
        if (name is not null) json.WriteString("name", name);
        json.WriteString("arguments", arguments);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteHead(Utf8JsonWriter json, CompletionHeader header, string kind)
    {
        json.WriteString("id", header.Id);
        json.WriteString("object", kind);
        json.WriteNumber("created", header.Created);
        json.WriteString("model", header.Model);
        json.WriteString("system_fingerprint", "fp_fake");
    }

    private static void WriteUsage(Utf8JsonWriter json, CompletionHeader header)
    {
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", header.PromptTokens);
        json.WriteNumber("completion_tokens", header.CompletionTokens);
        json.WriteNumber("total_tokens", header.PromptTokens + header.CompletionTokens);
        json.WriteEndObject();
    }

    /// <summary>Splits text into pieces of a few words, each keeping its trailing whitespace, so the pieces join back exactly.</summary>
    internal static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        var words = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && char.IsWhiteSpace(text[i - 1]) && ++words == WordsPerChunk)
            {
                yield return text[start..i];
                start = i;
                words = 0;
            }
        }
        if (start < text.Length) yield return text[start..];
    }
}

/// <summary>The fields every completion object and chunk repeats.</summary>
internal sealed record CompletionHeader(string Id, long Created, string Model, int PromptTokens, int CompletionTokens);
