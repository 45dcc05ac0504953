using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers;

/// <summary>The key of a recorded call: a hash of (model, rendered messages, tool definitions, options, trial index).
/// Every message counts, so each turn of a conversation (and each simulated-user call) has its own key.</summary>
internal static class CassetteKey
{
    /// <summary>First 16 hex of SHA-256 over a canonical JSON of the call. Tool-call ids are left out: providers mint them at random.</summary>
    /// <param name="model">The model the call asks for.</param>
    /// <param name="messages">Every message sent; each turn of a conversation therefore keys differently.</param>
    /// <param name="options">Tool definitions and sampling options; the harness's trial context is not part of the key.</param>
    /// <param name="trialIndex">The trial index, so k trials of one case each replay their own answer.</param>
    /// <param name="keySchema">Whether a json_schema response format's schema is part of the key (a case's or candidate's schema is).</param>
    public static string Compute(string model, IEnumerable<ChatMessage> messages, ChatOptions? options, int trialIndex, bool keySchema = true)
    {
        var buffer = new ArrayBufferWriterStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", model);
            json.WriteNumber("trial", trialIndex);
            json.WriteStartArray("messages");
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteString("role", message.Role.Value);
                json.WriteStartArray("content");
                foreach (var content in message.Contents)
                {
                    switch (content)
                    {
                        case TextContent text:
                            json.WriteStringValue(text.Text);
                            break;
                        case FunctionCallContent call:
                            json.WriteStringValue("call:" + call.Name + ":" + JsonSerializer.Serialize(call.Arguments));
                            break;
                        case FunctionResultContent result:
                            json.WriteStringValue("result:" + JsonSerializer.Serialize(result.Result));
                            break;
                    }
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("tools");
            foreach (var tool in options?.Tools ?? [])
            {
                json.WriteStringValue(tool is AIFunctionDeclaration f ? f.Name + ":" + f.Description + ":" + f.JsonSchema.GetRawText() : tool.Name);
            }
            json.WriteEndArray();
            // An Agent Framework agent sends its (rendered) prompt here, not as a system message: two cases must not share a key.
            if (options?.Instructions is { } instructions) json.WriteString("instructions", instructions);
            if (options?.Temperature is { } temperature) json.WriteNumber("temperature", temperature);
            if (options?.MaxOutputTokens is { } max) json.WriteNumber("max_tokens", max);
            if (options?.ResponseFormat is ChatResponseFormatJson format)
            {
                json.WriteString("format", "json");
                if (keySchema && format.Schema is { } schema) json.WriteString("schema", (format.SchemaName ?? "") + ":" + schema.GetRawText());
            }
            // Written only when set, so calls without these settings keep the keys they were recorded under.
            if (options?.TopP is { } topP) json.WriteNumber("top_p", topP);
            if (options?.Seed is { } seed) json.WriteNumber("seed", seed);
            if (options?.StopSequences is { Count: > 0 } stop) json.WriteString("stop", string.Join("\u0000", stop));
            if (options?.Reasoning?.Effort is { } effort) json.WriteString("reasoning_effort", effort.ToString());
            if (options?.ToolMode is { } mode) json.WriteString("tool_choice", mode switch
            {
                RequiredChatToolMode { RequiredFunctionName: { } name } => "required:" + name,
                RequiredChatToolMode => "required",
                NoneChatToolMode => "none",
                _ => "auto",
            });
            json.WriteEndObject();
        }
        var hash = SHA256.HashData(buffer.WrittenSpan);
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>A minimal growable buffer stream so the canonical JSON is hashed without a string copy.</summary>
    private sealed class ArrayBufferWriterStream : Stream
    {
        private byte[] _buffer = new byte[1024];
        private int _length;
        public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_length + buffer.Length > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + buffer.Length));
            buffer.CopyTo(_buffer.AsSpan(_length));
            _length += buffer.Length;
        }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
