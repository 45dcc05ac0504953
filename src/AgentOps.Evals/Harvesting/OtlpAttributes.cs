using System.Text.Json;

namespace AgentOps.Evals.Harvesting;

/// <summary>A view over an OTLP <c>attributes</c> array (key/AnyValue pairs): lookups scan it without allocating.</summary>
internal readonly struct OtlpAttributes(JsonElement array)
{
    public bool IsEmpty => array.ValueKind != JsonValueKind.Array;

    public bool TryGet(string key, out JsonElement value)
    {
        if (array.ValueKind == JsonValueKind.Array)
        {
            foreach (var kv in array.EnumerateArray())
            {
                if (kv.TryGetProperty("key", out var k) && k.ValueEquals(key) && kv.TryGetProperty("value", out value)) return true;
            }
        }
        value = default;
        return false;
    }

    public string? String(string key) => TryGet(key, out var v) ? OtlpValue.AsString(v) : null;

    public long? Long(string key) => TryGet(key, out var v) ? OtlpValue.AsLong(v) : null;

    public IEnumerable<(string Key, JsonElement Value)> All()
    {
        if (array.ValueKind != JsonValueKind.Array) yield break;
        foreach (var kv in array.EnumerateArray())
        {
            if (kv.TryGetProperty("key", out var k) && k.GetString() is { } key && kv.TryGetProperty("value", out var v))
                yield return (key, v);
        }
    }

    /// <summary>Flattened, indexed attributes under a prefix, e.g. <c>llm.input_messages.</c> → (0, "message.role", value).</summary>
    public IEnumerable<(int Index, string Field, JsonElement Value)> Indexed(string prefix)
    {
        foreach (var (key, value) in All())
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var dot = key.IndexOf('.', prefix.Length);
            if (dot < 0 || !int.TryParse(key.AsSpan(prefix.Length, dot - prefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var index)) continue;
            yield return (index, key[(dot + 1)..], value);
        }
    }
}
