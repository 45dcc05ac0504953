using System.Text.Json;

namespace AgentOps.Evals.Harvesting;

/// <summary>One OTLP log record (GenAI events: <c>gen_ai.user.message</c>, <c>gen_ai.choice</c>, …), read in place in one pass over its fields.</summary>
internal readonly struct OtlpLogRecord
{
    private readonly JsonElement traceId, spanId, time, observedTime, eventName, attributes;

    public OtlpLogRecord(JsonElement record)
    {
        // Last occurrence wins, as with JsonElement.TryGetProperty.
        foreach (var p in record.EnumerateObject())
        {
            if (p.NameEquals("traceId"u8)) traceId = p.Value;
            else if (p.NameEquals("spanId"u8)) spanId = p.Value;
            else if (p.NameEquals("timeUnixNano"u8)) time = p.Value;
            else if (p.NameEquals("observedTimeUnixNano"u8)) observedTime = p.Value;
            else if (p.NameEquals("eventName"u8)) eventName = p.Value;
            else if (p.NameEquals("attributes"u8)) attributes = p.Value;
            else if (p.NameEquals("body"u8)) Body = p.Value;
        }
    }

    /// <summary>Indexed on each use: most records are read for their event name only.</summary>
    public OtlpAttributes Attributes => new(attributes);

    public string? TraceId => traceId.ValueKind == JsonValueKind.Undefined ? null : OtlpValue.Id(traceId);

    public string? SpanId => spanId.ValueKind == JsonValueKind.Undefined ? null : OtlpValue.Id(spanId);

    public ulong Time =>
        time.ValueKind != JsonValueKind.Undefined && OtlpValue.UnixNano(time) is > 0 and var t ? t
        : OtlpValue.UnixNano(observedTime);

    /// <summary>The event name: the record's <c>eventName</c> field, else its <c>event.name</c> attribute.</summary>
    public string EventName =>
        eventName.ValueKind != JsonValueKind.Undefined && eventName.GetString() is { Length: > 0 } name ? name
        : Attributes is var a && (a.String("event.name") ?? a.String("name")) is { } fromAttributes ? fromAttributes : "";

    public JsonElement Body { get; }
}
