namespace AgentOps.Evals.Harvesting;

/// <summary>Second pass: the full facts, message text included, of the flagged traces only; log events join their span.</summary>
internal sealed class TranscriptSink(IReadOnlySet<string> traceIds) : IOtlpSink
{
    private readonly Dictionary<(string Trace, string Span), SpanFacts> spans = [];
    private readonly Dictionary<(string Trace, string Span), SpanFacts> logEvents = [];

    public void OnSpan(in OtlpSpan span)
    {
        var traceId = span.TraceId;
        if (traceId is null || !traceIds.Contains(traceId)) return;
        var facts = TraceDialects.Read(span, withContent: true)!;
        spans[(facts.TraceId, facts.SpanId)] = facts;
    }

    public void OnLog(in OtlpLogRecord log)
    {
        var traceId = log.TraceId;
        if (traceId is null || !traceIds.Contains(traceId)) return;
        var name = log.EventName;
        if (!GenAiEvents.IsGenAi(name)) return;
        var key = (traceId, log.SpanId ?? "");
        if (!logEvents.TryGetValue(key, out var facts)) logEvents[key] = facts = new SpanFacts { TraceId = traceId, SpanId = key.Item2, Start = log.Time, End = log.Time };
        GenAiEvents.Apply(name, log.Body, log.Attributes, log.Time, facts, withContent: true);
    }

    /// <summary>Every collected span by trace, with log-record messages merged into the span they name.</summary>
    public IReadOnlyDictionary<string, List<SpanFacts>> ByTrace()
    {
        foreach (var (key, events) in logEvents)
        {
            if (spans.TryGetValue(key, out var span))
            {
                if (span.Input.Count == 0) span.Input.AddRange(events.Input);
                if (span.Output.Count == 0) span.Output.AddRange(events.Output);
                span.FinishReasons.AddRange(events.FinishReasons.Except(span.FinishReasons));
                if (span.Kind == SpanKind.Other) span.Kind = SpanKind.ModelCall;
            }
            else
            {
                events.Kind = SpanKind.ModelCall;
                spans[key] = events;
            }
        }
        return spans.Values.GroupBy(s => s.TraceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Start).ToList(), StringComparer.Ordinal);
    }
}
