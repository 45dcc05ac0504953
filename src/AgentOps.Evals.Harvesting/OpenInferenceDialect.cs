using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// OpenInference (Arize/Phoenix): <c>openinference.span.kind</c>, flattened <c>llm.input_messages.N.message.*</c> and
/// <c>llm.output_messages.N.message.*</c> with tool calls, <c>llm.token_count.*</c>, <c>llm.model_name</c>, tool spans with
/// <c>tool.name</c> and <c>input.value</c>/<c>output.value</c>, and annotations recorded as span events.
/// </summary>
internal sealed class OpenInferenceDialect : ITraceDialect
{
    public void Read(in OtlpSpan span, SpanFacts facts, bool withContent)
    {
        var a = span.Attributes;
        var kind = a.String("openinference.span.kind");
        if (kind is null && !a.TryGet("llm.model_name", out _)) return;
        if (kind == "TOOL")
        {
            facts.Kind = SpanKind.ToolCall;
            facts.ToolName ??= a.String("tool.name") ?? span.Name;
            facts.ToolCallId ??= a.String("tool_call.id") ?? a.String("tool.id");
            if (withContent)
            {
                facts.ToolArguments ??= a.String("input.value") ?? a.String("tool.parameters");
                facts.ToolResult ??= a.String("output.value");
            }
        }
        else if (kind == "LLM" || a.TryGet("llm.model_name", out _))
        {
            facts.Kind = SpanKind.ModelCall;
            facts.Model ??= a.String("llm.model_name");
            facts.InputTokens ??= a.Long("llm.token_count.prompt");
            facts.OutputTokens ??= a.Long("llm.token_count.completion");
            if (a.String("output.value") is { } raw && raw.Contains("finish_reason", StringComparison.Ordinal)) AddFinishReasons(raw, facts);
            if (withContent)
            {
                facts.Input.AddRange(Messages(a, "llm.input_messages."));
                facts.Output.AddRange(Messages(a, "llm.output_messages."));
            }
        }
        foreach (var (name, time, attributes) in span.Events())
        {
            if (name is not ("annotation" or "openinference.annotation" or "feedback")) continue;
            var label = attributes.String("annotation.label") ?? attributes.String("label");
            var score = attributes.String("annotation.score") ?? attributes.String("score");
            var negative = GenAiEvents.IsNegativeLabel(label)
                || (double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s < 0.5);
            facts.Feedback.Add(new FeedbackEvent(null, null, negative, attributes.String("annotation.name") ?? attributes.String("name"),
                withContent ? attributes.String("annotation.explanation") ?? attributes.String("explanation") : null,
                time > 0 ? OtlpValue.FromUnixNano(time) : null, null, null, "openinference.annotation"));
        }
    }

    /// <summary>The raw response JSON in <c>output.value</c> carries the finish reasons OpenInference has no attribute for.</summary>
    private static void AddFinishReasons(string raw, SpanFacts facts)
    {
        try
        {
            if (JsonNode.Parse(raw) is not JsonObject response) return;
            if (response["choices"] is JsonArray choices)
                foreach (var choice in choices)
                    if (MessageJson.Text(choice?["finish_reason"]) is { } reason) facts.FinishReasons.Add(reason);
            if (MessageJson.Text(response["stop_reason"]) is { } stop) facts.FinishReasons.Add(stop);
        }
        catch (JsonException)
        {
            // output.value is free text for some spans; no finish reason to read then.
        }
    }

    private static IEnumerable<TraceMessage> Messages(OtlpAttributes a, string prefix)
    {
        var byIndex = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (index, rest, value) in a.Indexed(prefix))
        {
            if (!byIndex.TryGetValue(index, out var fields)) byIndex[index] = fields = new Dictionary<string, string>(StringComparer.Ordinal);
            if (OtlpValue.AsString(value) is { } text) fields[rest] = text;
        }
        foreach (var fields in byIndex.Values)
        {
            var role = fields.GetValueOrDefault("message.role") ?? "user";
            var content = fields.GetValueOrDefault("message.content")
                ?? string.Join("\n", fields.Where(f => f.Key.StartsWith("message.contents.", StringComparison.Ordinal) && f.Key.EndsWith(".message_content.text", StringComparison.Ordinal)).Select(f => f.Value));
            var calls = new SortedDictionary<int, (string? Id, string Name, string? Args)>();
            foreach (var (key, value) in fields)
            {
                if (!key.StartsWith("message.tool_calls.", StringComparison.Ordinal)) continue;
                var rest = key["message.tool_calls.".Length..];
                var dot = rest.IndexOf('.');
                if (dot < 0 || !int.TryParse(rest[..dot], CultureInfo.InvariantCulture, out var i)) continue;
                var call = calls.GetValueOrDefault(i, (null, "", null));
                switch (rest[(dot + 1)..])
                {
                    case "tool_call.id": call.Id = value; break;
                    case "tool_call.function.name": call.Name = value; break;
                    case "tool_call.function.arguments": call.Args = value; break;
                }
                calls[i] = call;
            }
            yield return new TraceMessage(role, content, calls.Values.Select(c => new TraceToolCall(c.Id, c.Name, c.Args)).ToList(),
                role == "tool" ? fields.GetValueOrDefault("message.tool_call_id") : null);
        }
    }
}
