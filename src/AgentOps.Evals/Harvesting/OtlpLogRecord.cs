using System.Text.Json;

namespace AgentOps.Evals.Harvesting;

/// <summary>One OTLP log record (GenAI events: <c>gen_ai.user.message</c>, <c>gen_ai.choice</c>, …), read in place.</summary>
internal readonly struct OtlpLogRecord(JsonElement record)
{
    public OtlpAttributes Attributes => new(record.TryGetProperty("attributes", out var a) ? a : default);

    public string? TraceId => record.TryGetProperty("traceId", out var v) ? OtlpValue.Id(v) : null;

    public string? SpanId => record.TryGetProperty("spanId", out var v) ? OtlpValue.Id(v) : null;

    public ulong Time =>
        record.TryGetProperty("timeUnixNano", out var v) && OtlpValue.UnixNano(v) is > 0 and var t ? t
        : record.TryGetProperty("observedTimeUnixNano", out var o) ? OtlpValue.UnixNano(o) : 0;

    /// <summary>The event name: the record's <c>eventName</c> field, else its <c>event.name</c> attribute.</summary>
    public string EventName =>
        record.TryGetProperty("eventName", out var e) && e.GetString() is { Length: > 0 } name ? name
        : Attributes.String("event.name") ?? Attributes.String("name") ?? "";

    public JsonElement Body => record.TryGetProperty("body", out var b) ? b : default;
}
