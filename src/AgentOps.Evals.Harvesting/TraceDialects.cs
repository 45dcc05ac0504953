namespace AgentOps.Evals.Harvesting;

/// <summary>The one registration list of trace dialects; every one reads every span, so mixed instrumentation merges.</summary>
internal static class TraceDialects
{
    public static readonly IReadOnlyList<ITraceDialect> All =
    [
        new AppAttributesDialect(),
        new GenAiDialect(),
        new OpenInferenceDialect(),
        new OpenLlmetryDialect(),
    ];

    /// <summary>Facts about one span from every dialect, or null when the span has no trace id.</summary>
    public static SpanFacts? Read(in OtlpSpan span, bool withContent)
    {
        var traceId = span.TraceId ?? throw new FormatException("missing or malformed traceId");
        var facts = new SpanFacts { TraceId = traceId, SpanId = span.SpanId ?? "", Start = span.Start, End = span.End };
        if (span.IsError) { facts.IsError = true; facts.ErrorMessage = span.StatusMessage; }
        foreach (var dialect in All) dialect.Read(span, facts, withContent);
        return facts;
    }
}
