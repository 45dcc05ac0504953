using System.Text.Json;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// Reads OTLP JSON as the collector's file exporter writes it: one <c>TracesData</c>/<c>LogsData</c> object per line,
/// or one (pretty-printed) document per file. A line that is not JSON, or a span that is malformed, is skipped and
/// reported with file:line; the rest of the file is still read.
/// </summary>
internal static class OtlpFileReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256, AllowTrailingCommas = true };

    /// <summary>
    /// Young-generation garbage allowed between collections while reading. Left alone, the runtime grew its young
    /// generation to ~90 MB on a 1 GB batch (it sizes it from the survival rate, not from what the job can afford), and
    /// that alone put peak memory 90 MB over budget; a gen-0 collection of a few MB of survivors costs about a millisecond.
    /// </summary>
    private const long YoungGarbageBytes = 24L << 20;

    public static void Read(string path, IOtlpSink sink, List<SkippedLine> skipped, CancellationToken ct, int fileIndex = 0)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (IsGzip(stream))
        {
            // One clear line instead of "not JSON: 0x1F" on every line of compressed bytes.
            skipped.Add(new SkippedLine(path, 1, $"gzip-compressed; decompress first (gunzip {path})"));
            return;
        }
        var firstContentLine = true;
        var collectedAt = GC.GetAllocatedBytesForCurrentThread();
        foreach (var (line, bytes) in Utf8LineReader.Read(stream))
        {
            ct.ThrowIfCancellationRequested();
            if (GC.GetAllocatedBytesForCurrentThread() - collectedAt > YoungGarbageBytes)
            {
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                collectedAt = GC.GetAllocatedBytesForCurrentThread();
            }
            if (IsBlank(bytes.Span)) continue;
            sink.OnLine(fileIndex, line);
            if (!firstContentLine && !sink.Wants(bytes.Span)) continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(bytes, Options);
            }
            catch (JsonException e)
            {
                if (firstContentLine && TryReadWhole(path, sink, skipped)) return;
                skipped.Add(new SkippedLine(path, line, "not JSON: " + FirstSentence(e.Message)));
                firstContentLine = false;
                continue;
            }
            firstContentLine = false;
            using (document) Visit(document.RootElement, sink, skipped, path, line);
        }
    }

    /// <summary>A file whose first line is not a whole document may be one pretty-printed document.</summary>
    private static bool TryReadWhole(string path, IOtlpSink sink, List<SkippedLine> skipped)
    {
        if (new FileInfo(path).Length > 512L << 20) return false;
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, Options);
            Visit(document.RootElement, sink, skipped, path, 1);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Visit(JsonElement root, IOtlpSink sink, List<SkippedLine> skipped, string path, int line)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            skipped.Add(new SkippedLine(path, line, "expected an OTLP object with resourceSpans or resourceLogs"));
            return;
        }
        var known = false;
        // A field of the wrong JSON type is a bad line named with what was expected, never a silent "0 spans".
        if (!ArrayOrAbsent(root, "resourceSpans", "an array of resource spans", skipped, path, line)
            || !ArrayOrAbsent(root, "resourceLogs", "an array of resource logs", skipped, path, line)) return;
        if (root.TryGetProperty("resourceSpans", out var resourceSpans) && resourceSpans.ValueKind == JsonValueKind.Array)
        {
            known = true;
            var index = 0;
            foreach (var rs in resourceSpans.EnumerateArray())
            {
                if (rs.ValueKind != JsonValueKind.Object) { skipped.Add(new SkippedLine(path, line, $"resourceSpans: expected objects, found {Kind(rs)}")); continue; }
                var resource = Resource(rs);
                foreach (var (scope, spans) in Scopes(rs, "scopeSpans", "instrumentationLibrarySpans", "spans", skipped, path, line))
                {
                    foreach (var span in spans)
                    {
                        index++;
                        Guard(() => sink.OnSpan(new OtlpSpan(span, resource, scope)), skipped, path, line, $"span {index}");
                    }
                }
            }
        }
        if (root.TryGetProperty("resourceLogs", out var resourceLogs) && resourceLogs.ValueKind == JsonValueKind.Array)
        {
            known = true;
            var index = 0;
            foreach (var rl in resourceLogs.EnumerateArray())
            {
                if (rl.ValueKind != JsonValueKind.Object) { skipped.Add(new SkippedLine(path, line, $"resourceLogs: expected objects, found {Kind(rl)}")); continue; }
                foreach (var (_, records) in Scopes(rl, "scopeLogs", "instrumentationLibraryLogs", "logRecords", skipped, path, line))
                {
                    foreach (var record in records)
                    {
                        index++;
                        Guard(() => sink.OnLog(new OtlpLogRecord(record)), skipped, path, line, $"log record {index}");
                    }
                }
            }
        }
        if (!known) skipped.Add(new SkippedLine(path, line, "expected an OTLP object with resourceSpans or resourceLogs"));
    }

    private static void Guard(Action read, List<SkippedLine> skipped, string path, int line, string what)
    {
        try
        {
            read();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or KeyNotFoundException or ArgumentException)
        {
            skipped.Add(new SkippedLine(path, line, $"{what}: {FirstSentence(e.Message)}"));
        }
    }

    private static JsonElement Resource(JsonElement resourceItem) =>
        resourceItem.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.Object && r.TryGetProperty("attributes", out var a) ? a : default;

    private static IEnumerable<(string Scope, IEnumerable<JsonElement> Items)> Scopes(JsonElement resourceItem, string name, string legacyName, string itemsName,
        List<SkippedLine> skipped, string path, int line)
    {
        foreach (var property in (string[])[name, legacyName])
        {
            if (!ArrayOrAbsent(resourceItem, property, "an array of scopes", skipped, path, line)
                || !resourceItem.TryGetProperty(property, out var scopes) || scopes.ValueKind != JsonValueKind.Array) continue;
            foreach (var scope in scopes.EnumerateArray())
            {
                if (scope.ValueKind != JsonValueKind.Object) { skipped.Add(new SkippedLine(path, line, $"{property}: expected objects, found {Kind(scope)}")); continue; }
                var scopeName = scope.TryGetProperty("scope", out var s) && s.ValueKind == JsonValueKind.Object && s.TryGetProperty("name", out var n)
                    && n.ValueKind == JsonValueKind.String ? n.GetString() ?? "" : "";
                if (!ArrayOrAbsent(scope, itemsName, $"an array of {itemsName}", skipped, path, line, property + "[]." + itemsName)) continue;
                if (scope.TryGetProperty(itemsName, out var items) && items.ValueKind == JsonValueKind.Array)
                    yield return (scopeName, items.EnumerateArray());
            }
        }
    }

    /// <summary>False (and a skipped line saying what was expected) when <paramref name="name"/> is present but not an array; null counts as absent.</summary>
    private static bool ArrayOrAbsent(JsonElement owner, string name, string expected, List<SkippedLine> skipped, string path, int line, string? field = null)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind is JsonValueKind.Array or JsonValueKind.Null) return true;
        skipped.Add(new SkippedLine(path, line, $"{field ?? name}: expected {expected}, found {Kind(value)}"));
        return false;
    }

    /// <summary>A JSON value's kind in words, with the value when it is short: what the user will look for in the file.</summary>
    internal static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: <= 40 } text ? $"the string \"{text}\"" : "a string",
        JsonValueKind.Number => $"the number {(value.GetRawText() is { Length: <= 40 } raw ? raw : "")}".TrimEnd(),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>True when the file starts with the gzip magic bytes (1F 8B); the stream is left at its start.</summary>
    private static bool IsGzip(FileStream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.Trim(" \t\r"u8).IsEmpty;

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..dot] : message;
    }
}
