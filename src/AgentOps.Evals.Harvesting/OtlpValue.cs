using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Evals.Harvesting;

/// <summary>Reads OTLP JSON <c>AnyValue</c>s and ids the way different exporters write them (intValue as number or string, ids in hex or base64).</summary>
internal static class OtlpValue
{
    public static string? AsString(JsonElement anyValue)
    {
        if (anyValue.ValueKind != JsonValueKind.Object) return anyValue.ValueKind == JsonValueKind.String ? anyValue.GetString() : null;
        foreach (var p in anyValue.EnumerateObject())
        {
            switch (p.Name)
            {
                case "stringValue": return p.Value.GetString();
                case "intValue": return p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
                case "doubleValue": return p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
                case "boolValue": return p.Value.ValueKind == JsonValueKind.True ? "true" : p.Value.ValueKind == JsonValueKind.False ? "false" : p.Value.GetString();
                case "arrayValue":
                case "kvlistValue": return ToJson(anyValue)?.ToJsonString();
                case "bytesValue": return p.Value.GetString();
            }
        }
        return null;
    }

    public static long? AsLong(JsonElement anyValue)
    {
        var text = AsString(anyValue);
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) return l;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (long)d : null;
    }

    public static bool AsBool(JsonElement anyValue) =>
        AsString(anyValue) is { } s && (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s == "1");

    /// <summary>An AnyValue as plain JSON: kvlists become objects, arrays arrays, scalars values.</summary>
    public static JsonNode? ToJson(JsonElement anyValue)
    {
        if (anyValue.ValueKind != JsonValueKind.Object) return JsonNode.Parse(anyValue.GetRawText());
        foreach (var p in anyValue.EnumerateObject())
        {
            switch (p.Name)
            {
                case "stringValue": return JsonValue.Create(p.Value.GetString());
                case "intValue": return AsLong(anyValue) is { } l ? JsonValue.Create(l) : null;
                case "doubleValue": return double.TryParse(AsString(anyValue), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : null;
                case "boolValue": return JsonValue.Create(AsBool(anyValue));
                case "arrayValue":
                {
                    var array = new JsonArray();
                    if (p.Value.TryGetProperty("values", out var values))
                        foreach (var v in values.EnumerateArray()) array.Add(ToJson(v));
                    return array;
                }
                case "kvlistValue":
                {
                    var obj = new JsonObject();
                    if (p.Value.TryGetProperty("values", out var values))
                        foreach (var kv in values.EnumerateArray())
                            if (kv.TryGetProperty("key", out var k) && k.GetString() is { } key)
                                obj[key] = kv.TryGetProperty("value", out var v) ? ToJson(v) : null;
                    return obj;
                }
            }
        }
        return null;
    }

    /// <summary>Trace and span ids as lowercase hex, whether the exporter wrote hex (OTLP JSON) or base64 (protobuf JSON mapping).</summary>
    public static string? Id(JsonElement id)
    {
        if (id.ValueKind != JsonValueKind.String) return null;
        // Fast path for the common case, lowercase hex: one string, straight from the UTF-8 bytes.
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(id);
        if (raw.Length is 34 or 18 && IsLowerHex(raw[1..^1])) return System.Text.Encoding.ASCII.GetString(raw[1..^1]);
        var text = id.GetString();
        if (string.IsNullOrEmpty(text)) return null;
        if ((text.Length is 32 or 16) && text.All(char.IsAsciiHexDigit)) return text.ToLowerInvariant();
        Span<byte> bytes = stackalloc byte[24];
        return Convert.TryFromBase64String(text, bytes, out var written) && written is 16 or 8
            ? Convert.ToHexStringLower(bytes[..written])
            : null;
    }

    private static bool IsLowerHex(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) if (b is not ((>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f'))) return false;
        return true;
    }

    public static ulong UnixNano(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => ulong.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0,
        JsonValueKind.Number => value.TryGetUInt64(out var n) ? n : (ulong)value.GetDouble(),
        _ => 0,
    };

    public static DateTimeOffset FromUnixNano(ulong nanos) => DateTimeOffset.UnixEpoch.AddTicks((long)(nanos / 100));
}
