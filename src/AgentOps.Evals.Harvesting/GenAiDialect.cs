using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// The OpenTelemetry GenAI semantic conventions: <c>gen_ai.operation.name</c>, models, provider (<c>gen_ai.provider.name</c>
/// or <c>gen_ai.system</c>), usage, finish reasons, <c>gen_ai.input.messages</c>/<c>gen_ai.output.messages</c> (JSON
/// string or structured), <c>execute_tool</c> spans, and the older message events on spans.
/// </summary>
internal sealed class GenAiDialect : ITraceDialect
{
    public void Read(in OtlpSpan span, SpanFacts facts, bool withContent)
    {
        var a = span.Attributes;
        var operation = a.String("gen_ai.operation.name");
        if (operation == "execute_tool" || (operation is null && a.TryGet("gen_ai.tool.name", out _) && !a.TryGet("gen_ai.request.model", out _)))
        {
            facts.Kind = SpanKind.ToolCall;
            facts.ToolName ??= a.String("gen_ai.tool.name") ?? span.Name.Replace("execute_tool ", "", StringComparison.Ordinal);
            facts.ToolCallId ??= a.String("gen_ai.tool.call.id");
            if (a.String("error.type") is { } errorType) { facts.IsError = true; facts.ErrorMessage ??= errorType; }
            if (withContent)
            {
                facts.ToolArguments ??= a.String("gen_ai.tool.call.arguments");
                facts.ToolResult ??= a.String("gen_ai.tool.call.result");
            }
        }
        else if (operation is "chat" or "text_completion" or "generate_content" or "completion"
                 || (operation is null && (a.TryGet("gen_ai.request.model", out _) || a.TryGet("gen_ai.response.model", out _))))
        {
            facts.Kind = SpanKind.ModelCall;
        }

        facts.Model ??= a.String("gen_ai.response.model") ?? a.String("gen_ai.request.model");
        facts.InputTokens ??= a.Long("gen_ai.usage.input_tokens") ?? a.Long("gen_ai.usage.prompt_tokens");
        facts.OutputTokens ??= a.Long("gen_ai.usage.output_tokens") ?? a.Long("gen_ai.usage.completion_tokens");
        if (a.TryGet("gen_ai.response.finish_reasons", out var reasons)) AddReasons(reasons, facts);
        if (a.TryGet("gen_ai.output.messages", out var output) && (withContent || MayHoldFinishReason(output)))
        {
            if (withContent || !MessageJson.TryFinishReasons(output, facts.FinishReasons))
            {
                foreach (var message in Messages(output, "assistant"))
                {
                    if (message.FinishReason is { } reason && !facts.FinishReasons.Contains(reason)) facts.FinishReasons.Add(reason);
                    if (withContent) facts.Output.Add(message);
                }
            }
        }
        if (withContent && a.TryGet("gen_ai.input.messages", out var input))
        {
            if (a.TryGet("gen_ai.system_instructions", out _)) facts.Input.Add(new TraceMessage("system", "", []));
            facts.Input.AddRange(Messages(input, null));
        }
        foreach (var (name, time, attributes) in span.Events())
        {
            if (GenAiEvents.IsGenAi(name)) GenAiEvents.Apply(name, default, attributes, time, facts, withContent);
        }
    }

    /// <summary>
    /// Without content the output messages matter only for their finish reasons; most carry none, and parsing them was
    /// showed in the profile of the first pass. Letters written as \u escapes could hide the key, so those are parsed too.
    /// </summary>
    private static bool MayHoldFinishReason(JsonElement value)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        if (raw.IndexOf("finish_reason"u8) >= 0) return true;
        var escape = "\\u00"u8;
        for (var at = raw.IndexOf(escape); at >= 0; at = raw.IndexOf(escape))
        {
            if (at + 4 < raw.Length && raw[at + 4] is (byte)'4' or (byte)'5' or (byte)'6' or (byte)'7') return true;
            raw = raw[(at + 1)..];
        }
        return false;
    }

    private static void AddReasons(JsonElement value, SpanFacts facts)
    {
        if (OtlpValue.ToJson(value) is JsonArray array)
        {
            foreach (var item in array) if (MessageJson.Text(item) is { } reason) facts.FinishReasons.Add(reason);
        }
        else if (OtlpValue.AsString(value) is { } single)
        {
            // Some exporters write the array as a JSON string.
            if (single.StartsWith('[')) AddReasons(JsonSerializer.SerializeToElement(JsonNode.Parse(single)), facts);
            else facts.FinishReasons.Add(single);
        }
    }

    private static IEnumerable<TraceMessage> Messages(JsonElement value, string? defaultRole)
    {
        var node = OtlpValue.ToJson(value);
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) return MessageJson.Parse(v.GetValue<string>(), defaultRole);
        return MessageJson.Parse(node, defaultRole);
    }
}
