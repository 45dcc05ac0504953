namespace AgentOps.Evals.Harvesting;

/// <summary>One instrumentation convention (GenAI, OpenInference, OpenLLMetry, the app's own attributes): reads what it knows from a span.</summary>
internal interface ITraceDialect
{
    /// <summary>Adds this dialect's facts about <paramref name="span"/>; message text only when <paramref name="withContent"/>.</summary>
    void Read(in OtlpSpan span, SpanFacts facts, bool withContent);
}
