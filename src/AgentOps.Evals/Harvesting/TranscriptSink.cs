namespace AgentOps.Evals.Harvesting;

/// <summary>Second pass: the full facts, message text included, of the flagged traces only; log events join their span.</summary>
internal sealed class TranscriptSink(HashSet<string> traceIds) : IOtlpSink
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup = traceIds.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly Dictionary<(string Trace, string Span), SpanFacts> spans = [];
    private readonly Dictionary<(string Trace, string Span), SpanFacts> logEvents = [];

    public void OnSpan(in OtlpSpan span)
    {
        var traceId = span.TraceId;
        if (traceId is null || !traceIds.Contains(traceId)) return;
        var facts = TraceDialects.Read(span, withContent: true)!;
        spans[(facts.TraceId, facts.SpanId)] = facts;
    }

    /// <summary>Skips lines whose hex trace ids are all unflagged; most lines of a nightly batch are, so the second pass parses little.</summary>
    public bool Wants(ReadOnlySpan<byte> line)
    {
        var key = "\"traceId\""u8;
        var rest = line;
        var sawId = false;
        Span<char> chars = stackalloc char[32];
        while (true)
        {
            var at = rest.IndexOf(key);
            if (at < 0) return !sawId;
            rest = rest[(at + key.Length)..];
            var quote = rest.IndexOf((byte)'"');
            if (quote < 0 || rest.Length < quote + 33) return true;
            var id = rest.Slice(quote + 1, 32);
            if (rest[quote + 33] != (byte)'"') return true;
            for (var i = 0; i < 32; i++)
            {
                var b = id[i];
                if (!char.IsAsciiHexDigit((char)b)) return true; // base64 ids: cannot tell cheaply, parse the line
                chars[i] = char.ToLowerInvariant((char)b);
            }
            sawId = true;
            if (lookup.Contains(chars)) return true;
        }
    }

    public void OnLog(in OtlpLogRecord log)
    {
        var traceId = log.TraceId;
        if (traceId is null || !traceIds.Contains(traceId)) return;
        var name = log.EventName;
        if (!GenAiEvents.IsGenAi(name)) return;
        var key = (traceId, log.SpanId ?? "");
        if (!logEvents.TryGetValue(key, out var facts)) logEvents[key] = facts = new SpanFacts { TraceId = traceId, SpanId = key.Item2, Start = log.Time, End = log.Time };
        GenAiEvents.Apply(name, log.Body, log.Attributes, log.Time, facts, withContent: true);
    }

    /// <summary>Every collected span by trace, with log-record messages merged into the span they name.</summary>
    public IReadOnlyDictionary<string, List<SpanFacts>> ByTrace()
    {
        foreach (var (key, events) in logEvents)
        {
            if (spans.TryGetValue(key, out var span))
            {
                if (span.Input.Count == 0) span.Input.AddRange(events.Input);
                if (span.Output.Count == 0) span.Output.AddRange(events.Output);
                span.FinishReasons.AddRange(events.FinishReasons.Except(span.FinishReasons));
                if (span.Kind == SpanKind.Other) span.Kind = SpanKind.ModelCall;
            }
            else
            {
                events.Kind = SpanKind.ModelCall;
                spans[key] = events;
            }
        }
        return spans.Values.GroupBy(s => s.TraceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Start).ToList(), StringComparer.Ordinal);
    }
}
