using System.Globalization;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// OpenLLMetry (Traceloop): indexed <c>gen_ai.prompt.N.*</c>/<c>gen_ai.completion.N.*</c> attributes, <c>llm.usage.*</c>,
/// <c>traceloop.span.kind</c> with <c>traceloop.entity.input</c>/<c>output</c> for tool spans. Its newer releases write
/// <c>gen_ai.input.messages</c> in the parts shape, which <see cref="GenAiDialect"/> reads.
/// </summary>
internal sealed class OpenLlmetryDialect : ITraceDialect
{
    public void Read(in OtlpSpan span, SpanFacts facts, bool withContent)
    {
        var a = span.Attributes;
        var kind = a.String("traceloop.span.kind");
        if (kind == "tool")
        {
            facts.Kind = SpanKind.ToolCall;
            facts.ToolName ??= a.String("traceloop.entity.name") ?? span.Name;
            if (withContent)
            {
                facts.ToolArguments ??= a.String("traceloop.entity.input");
                facts.ToolResult ??= a.String("traceloop.entity.output");
            }
            return;
        }
        if (a.String("llm.request.type") is null && !a.TryGet("gen_ai.prompt.0.role", out _) && !a.TryGet("gen_ai.completion.0.role", out _)) return;
        facts.Kind = SpanKind.ModelCall;
        facts.InputTokens ??= a.Long("llm.usage.prompt_tokens");
        facts.OutputTokens ??= a.Long("llm.usage.completion_tokens");
        foreach (var (_, rest, value) in a.Indexed("gen_ai.completion."))
        {
            if (rest == "finish_reason" && OtlpValue.AsString(value) is { } reason && !facts.FinishReasons.Contains(reason)) facts.FinishReasons.Add(reason);
        }
        if (!withContent) return;
        facts.Input.AddRange(Messages(a, "gen_ai.prompt.", "user"));
        facts.Output.AddRange(Messages(a, "gen_ai.completion.", "assistant"));
    }

    private static IEnumerable<TraceMessage> Messages(OtlpAttributes a, string prefix, string defaultRole)
    {
        var byIndex = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (index, rest, value) in a.Indexed(prefix))
        {
            if (!byIndex.TryGetValue(index, out var fields)) byIndex[index] = fields = new Dictionary<string, string>(StringComparer.Ordinal);
            if (OtlpValue.AsString(value) is { } text) fields[rest] = text;
        }
        foreach (var fields in byIndex.Values)
        {
            var calls = new SortedDictionary<int, (string? Id, string Name, string? Args)>();
            foreach (var (key, value) in fields)
            {
                if (!key.StartsWith("tool_calls.", StringComparison.Ordinal)) continue;
                var rest = key["tool_calls.".Length..];
                var dot = rest.IndexOf('.');
                if (dot < 0 || !int.TryParse(rest[..dot], CultureInfo.InvariantCulture, out var i)) continue;
                var call = calls.GetValueOrDefault(i, (null, "", null));
                switch (rest[(dot + 1)..])
                {
                    case "id": call.Id = value; break;
                    case "name": call.Name = value; break;
                    case "arguments": call.Args = value; break;
                }
                calls[i] = call;
            }
            var role = fields.GetValueOrDefault("role") ?? defaultRole;
            yield return new TraceMessage(role, fields.GetValueOrDefault("content") ?? "", calls.Values.Select(c => new TraceToolCall(c.Id, c.Name, c.Args)).ToList(),
                role == "tool" ? fields.GetValueOrDefault("tool_call_id") : null, fields.GetValueOrDefault("finish_reason"));
        }
    }
}
