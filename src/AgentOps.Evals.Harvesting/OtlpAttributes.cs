using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// A view over an OTLP <c>attributes</c> array (key/AnyValue pairs). The array is read once into (key, value) pairs:
/// the dialects ask a span for some forty keys, and a lookup per key over the JSON cost a third of the harvest.
/// </summary>
internal readonly struct OtlpAttributes
{
    private readonly (string Key, JsonElement Value)[]? entries;

    /// <summary>Indexes <paramref name="array"/>; anything but an array is empty. A pair that is not an object throws, so the reader skips the span.</summary>
    public OtlpAttributes(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array) return;
        var length = array.GetArrayLength();
        if (length == 0) return;
        var list = new (string Key, JsonElement Value)[length];
        var count = 0;
        foreach (var kv in array.EnumerateArray())
        {
            if (kv.ValueKind != JsonValueKind.Object) throw new InvalidOperationException($"an attribute is {kv.ValueKind}, expected an object with key and value");
            JsonElement key = default, value = default;
            // Last occurrence wins, as with JsonElement.TryGetProperty.
            foreach (var p in kv.EnumerateObject())
            {
                if (p.NameEquals("key"u8)) key = p.Value;
                else if (p.NameEquals("value"u8)) value = p.Value;
            }
            if (key.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null || value.ValueKind == JsonValueKind.Undefined) continue;
            var name = KeyPool.Get(key);
            CheckInt(name, value);
            list[count++] = (name, value);
        }
        entries = count == length ? list : list[..count];
    }

    /// <summary>An intValue that is not an integer would read as "no value" and drop, say, the token count without a word.</summary>
    private static void CheckInt(string key, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("intValue"u8, out var i)) return;
        var ok = i.ValueKind switch
        {
            JsonValueKind.String => long.TryParse(i.GetString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _),
            JsonValueKind.Number => i.TryGetInt64(out _),
            _ => false,
        };
        if (!ok) throw new FormatException($"attribute {key}: intValue: expected an integer, found {OtlpFileReader.Kind(i)}");
    }

    public bool IsEmpty => entries is null;

    public bool TryGet(string key, out JsonElement value)
    {
        if (entries is not null)
        {
            foreach (var (k, v) in entries)
            {
                if (string.Equals(k, key, StringComparison.Ordinal)) { value = v; return true; }
            }
        }
        value = default;
        return false;
    }

    /// <summary>True when some key contains <paramref name="part"/> (ordinal, ignoring case).</summary>
    public bool AnyKeyContains(string part)
    {
        foreach (var (k, _) in entries ?? []) if (k.Contains(part, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public string? String(string key) => TryGet(key, out var v) ? OtlpValue.AsString(v) : null;

    public long? Long(string key) => TryGet(key, out var v) ? OtlpValue.AsLong(v) : null;

    public IEnumerable<(string Key, JsonElement Value)> All() => entries ?? [];

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

    /// <summary>Attribute keys repeat on every span; one string per distinct key (per thread) keeps them off the heap.</summary>
    private static class KeyPool
    {
        private const int MaxKeys = 4096;
        private const int MaxKeyBytes = 128;

        [ThreadStatic] private static HashSet<string>? pool;

        public static string Get(JsonElement key)
        {
            if (key.ValueKind != JsonValueKind.String) return key.GetString()!; // throws: a key must be a string
            var raw = JsonMarshal.GetRawUtf8Value(key);
            // raw includes the quotes; escaped keys are rare and take the slow path.
            if (raw.Length > MaxKeyBytes + 2 || raw.IndexOf((byte)'\\') >= 0) return key.GetString()!;
            var utf8 = raw[1..^1];
            Span<char> chars = stackalloc char[MaxKeyBytes];
            if (!Encoding.UTF8.TryGetChars(utf8, chars, out var written)) return key.GetString()!;
            var text = chars[..written];
            pool ??= new HashSet<string>(StringComparer.Ordinal);
            if (pool.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var known)) return known;
            var created = new string(text);
            if (pool.Count < MaxKeys) pool.Add(created);
            return created;
        }
    }
}
