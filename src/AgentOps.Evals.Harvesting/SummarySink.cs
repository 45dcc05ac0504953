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
        facts.Tier = Shared(facts.Tier);
        facts.Locale = Shared(facts.Locale);
        facts.Model = Shared(facts.Model);
        facts.PromptId = Shared(facts.PromptId);
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
        summary.AddFeedback(facts.Feedback);
    }

    /// <summary>Tiers, models and prompt ids repeat across a batch: one string each instead of one per trace.</summary>
    private string? Shared(string? value)
    {
        if (value is null || value.Length > 64) return value;
        if (shared.TryGetValue(value, out var known)) return known;
        if (shared.Count < 10_000) shared[value] = value;
        return value;
    }

    private readonly Dictionary<string, string> shared = new(StringComparer.Ordinal);

    private long position;

    public void OnLine(int file, int line) => position = Position(file, line);

    public static long Position(int file, int line) => ((long)file << 32) | (uint)line;

    private TraceSummary Get(string traceId)
    {
        if (!Traces.TryGetValue(traceId, out var summary)) Traces[traceId] = summary = new TraceSummary(traceId);
        summary.LastSeen = position;
        return summary;
    }
}
