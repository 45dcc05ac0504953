using System.Text.Json;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// One span of an OTLP JSON document, read in place; valid while its line's document is alive. Its fields are found in
/// one pass over the span object and its attributes indexed once, because every dialect reads them again.
/// </summary>
internal readonly struct OtlpSpan
{
    private readonly JsonElement traceId, spanId, parentSpanId, name, start, end, status, events, resource;

    public OtlpSpan(JsonElement span, JsonElement resourceAttributes, string scopeName)
    {
        if (span.ValueKind != JsonValueKind.Object) throw new FormatException($"expected a span object, found {OtlpFileReader.Kind(span)}");
        Raw = span;
        resource = resourceAttributes;
        ScopeName = scopeName;
        JsonElement attributes = default;
        // Last occurrence wins, as with JsonElement.TryGetProperty.
        foreach (var p in span.EnumerateObject())
        {
            if (p.NameEquals("traceId"u8)) traceId = p.Value;
            else if (p.NameEquals("spanId"u8)) spanId = p.Value;
            else if (p.NameEquals("parentSpanId"u8)) parentSpanId = p.Value;
            else if (p.NameEquals("name"u8)) name = p.Value;
            else if (p.NameEquals("startTimeUnixNano"u8)) start = p.Value;
            else if (p.NameEquals("endTimeUnixNano"u8)) end = p.Value;
            else if (p.NameEquals("attributes"u8)) attributes = p.Value;
            else if (p.NameEquals("status"u8)) status = p.Value;
            else if (p.NameEquals("events"u8)) events = p.Value;
        }
        if (attributes.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Array))
            throw new FormatException($"attributes: expected a list of {{key, value}} pairs, found {OtlpFileReader.Kind(attributes)}");
        CheckTime(start, "startTimeUnixNano");
        CheckTime(end, "endTimeUnixNano");
        Attributes = new OtlpAttributes(attributes);
    }

    /// <summary>A time that does not read as nanoseconds would become 1970 and sort the span out of every window, silently.</summary>
    private static void CheckTime(JsonElement time, string field)
    {
        var ok = time.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => true,
            JsonValueKind.String => ulong.TryParse(time.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _),
            JsonValueKind.Number => time.TryGetUInt64(out _) || time.GetDouble() is >= 0 and < 1.8e19,
            _ => false,
        };
        if (!ok) throw new FormatException($"{field}: expected nanoseconds since 1970 (digits), found {OtlpFileReader.Kind(time)}");
    }

    public JsonElement Raw { get; }

    public OtlpAttributes Resource => new(resource);

    public string ScopeName { get; }

    public OtlpAttributes Attributes { get; }

    public string? TraceId => traceId.ValueKind == JsonValueKind.Undefined ? null : OtlpValue.Id(traceId);

    public string? SpanId => spanId.ValueKind == JsonValueKind.Undefined ? null : OtlpValue.Id(spanId);

    public string? ParentSpanId => parentSpanId.ValueKind == JsonValueKind.Undefined ? null : OtlpValue.Id(parentSpanId);

    public string Name => name.ValueKind == JsonValueKind.String ? name.GetString()! : "";

    public ulong Start => OtlpValue.UnixNano(start);

    public ulong End => OtlpValue.UnixNano(end);

    /// <summary>Status code ERROR, written as 2 or "STATUS_CODE_ERROR".</summary>
    public bool IsError =>
        status.ValueKind != JsonValueKind.Undefined && status.TryGetProperty("code", out var c)
        && (c.ValueKind == JsonValueKind.Number ? c.GetInt32() == 2 : c.GetString() is "STATUS_CODE_ERROR" or "ERROR" or "2");

    public string? StatusMessage => status.ValueKind != JsonValueKind.Undefined && status.TryGetProperty("message", out var m) ? m.GetString() : null;

    /// <summary>The span's events; most spans have none, and then no iterator (and copy of this span) is made.</summary>
    public IEnumerable<(string Name, ulong Time, OtlpAttributes Attributes)> Events() =>
        events.ValueKind == JsonValueKind.Array && events.GetArrayLength() > 0 ? EventsOf(events) : [];

    private static IEnumerable<(string Name, ulong Time, OtlpAttributes Attributes)> EventsOf(JsonElement events)
    {
        foreach (var e in events.EnumerateArray())
        {
            var eventName = e.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            var time = e.TryGetProperty("timeUnixNano", out var t) ? OtlpValue.UnixNano(t) : 0;
            yield return (eventName, time, new OtlpAttributes(e.TryGetProperty("attributes", out var a) ? a : default));
        }
    }
}
