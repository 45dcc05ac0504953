namespace AgentOps.Evals.Harvesting;

/// <summary>Receives every span and log record an OTLP file holds, in file order.</summary>
internal interface IOtlpSink
{
    void OnSpan(in OtlpSpan span);

    void OnLog(in OtlpLogRecord log);

    /// <summary>Called before each non-blank line of the <paramref name="file"/>-th file (0-based, in read order) is read.</summary>
    void OnLine(int file, int line) { }

    /// <summary>False when the raw line surely holds nothing this sink wants, so the reader skips parsing it.</summary>
    bool Wants(ReadOnlySpan<byte> line) => true;
}
