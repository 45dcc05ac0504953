namespace AgentOps.Evals.Harvesting;

/// <summary>Receives every span and log record an OTLP file holds, in file order.</summary>
internal interface IOtlpSink
{
    void OnSpan(in OtlpSpan span);

    void OnLog(in OtlpLogRecord log);
}
