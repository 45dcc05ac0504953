using AgentOps.Evals.Config;

namespace AgentOps.Evals.Harvesting;

/// <summary>First pass: every span and log record folds into its trace's <see cref="TraceSummary"/>; no message text is kept.</summary>
internal sealed class SummarySink(IReadOnlyDictionary<string, ModelPrice> pricing) : IOtlpSink
{
    public Dictionary<string, TraceSummary> Traces { get; } = new(StringComparer.Ordinal);

    public long Spans { get; private set; }

    public void OnSpan(in OtlpSpan span)
    {
        var facts = TraceDialects.Read(span, withContent: false)!;
        Spans++;
        Get(facts.TraceId).Add(facts, pricing);
    }

    public void OnLog(in OtlpLogRecord log)
    {
        var name = log.EventName;
        if (!GenAiEvents.IsGenAi(name) || log.TraceId is not { } traceId) return;
        var facts = new SpanFacts { TraceId = traceId, SpanId = log.SpanId ?? "" };
        GenAiEvents.Apply(name, log.Body, log.Attributes, log.Time, facts, withContent: false);
        var summary = Get(traceId);
        summary.AddFinishReasons(facts.FinishReasons);
        summary.Feedback.AddRange(facts.Feedback);
    }

    private TraceSummary Get(string traceId)
    {
        if (!Traces.TryGetValue(traceId, out var summary)) Traces[traceId] = summary = new TraceSummary(traceId);
        return summary;
    }
}
