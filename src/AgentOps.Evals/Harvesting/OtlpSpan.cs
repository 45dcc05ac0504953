using System.Text.Json;

namespace AgentOps.Evals.Harvesting;

/// <summary>One span of an OTLP JSON document, read in place; valid while its line's document is alive.</summary>
internal readonly struct OtlpSpan(JsonElement span, OtlpAttributes resource, string scopeName)
{
    public JsonElement Raw => span;

    public OtlpAttributes Resource => resource;

    public string ScopeName => scopeName;

    public OtlpAttributes Attributes => new(span.TryGetProperty("attributes", out var a) ? a : default);

    public string? TraceId => span.TryGetProperty("traceId", out var v) ? OtlpValue.Id(v) : null;

    public string? SpanId => span.TryGetProperty("spanId", out var v) ? OtlpValue.Id(v) : null;

    public string? ParentSpanId => span.TryGetProperty("parentSpanId", out var v) ? OtlpValue.Id(v) : null;

    public string Name => span.TryGetProperty("name", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    public ulong Start => span.TryGetProperty("startTimeUnixNano", out var v) ? OtlpValue.UnixNano(v) : 0;

    public ulong End => span.TryGetProperty("endTimeUnixNano", out var v) ? OtlpValue.UnixNano(v) : 0;

    /// <summary>Status code ERROR, written as 2 or "STATUS_CODE_ERROR".</summary>
    public bool IsError =>
        span.TryGetProperty("status", out var s) && s.TryGetProperty("code", out var c)
        && (c.ValueKind == JsonValueKind.Number ? c.GetInt32() == 2 : c.GetString() is "STATUS_CODE_ERROR" or "ERROR" or "2");

    public string? StatusMessage => span.TryGetProperty("status", out var s) && s.TryGetProperty("message", out var m) ? m.GetString() : null;

    public IEnumerable<(string Name, ulong Time, OtlpAttributes Attributes)> Events()
    {
        if (!span.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array) yield break;
        foreach (var e in events.EnumerateArray())
        {
            var name = e.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            var time = e.TryGetProperty("timeUnixNano", out var t) ? OtlpValue.UnixNano(t) : 0;
            yield return (name, time, new OtlpAttributes(e.TryGetProperty("attributes", out var a) ? a : default));
        }
    }
}
