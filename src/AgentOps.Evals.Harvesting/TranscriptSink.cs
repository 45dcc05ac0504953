namespace AgentOps.Evals.Harvesting;

/// <summary>
/// Second pass: the full facts, message text included, of the flagged traces only; log events join their span. A
/// session is handed to <c>complete</c> as soon as the reader is past the last line the first pass saw any of its traces
/// on, and its spans are dropped, so the pass holds only the sessions still being read, not every flagged one.
/// </summary>
internal sealed class TranscriptSink : IOtlpSink
{
    private readonly IReadOnlyList<SessionSummary> sessions;
    private readonly Action<int, List<SpanFacts>> complete;
    private readonly Dictionary<string, TraceSpans> traces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TraceSpans>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly int[] order;
    private readonly long[] lastSeen;
    private int next;

    /// <param name="sessions">The flagged sessions.</param>
    /// <param name="lastSeen">Per session, where the first pass last saw one of its traces (<see cref="SummarySink.Position"/>).</param>
    /// <param name="complete">Gets a session's index and its spans (and log events), ordered by start time.</param>
    public TranscriptSink(IReadOnlyList<SessionSummary> sessions, long[] lastSeen, Action<int, List<SpanFacts>> complete)
    {
        this.sessions = sessions;
        this.lastSeen = lastSeen;
        this.complete = complete;
        foreach (var session in sessions)
            foreach (var traceId in session.TraceIds) traces[traceId] = new TraceSpans();
        lookup = traces.GetAlternateLookup<ReadOnlySpan<char>>();
        order = Enumerable.Range(0, sessions.Count).OrderBy(i => lastSeen[i]).ToArray();
    }

    public void OnLine(int file, int line)
    {
        var position = SummarySink.Position(file, line);
        while (next < order.Length && lastSeen[order[next]] < position) Complete(order[next++]);
    }

    /// <summary>Hands over every session not yet complete; call once after the last file.</summary>
    public void Finish()
    {
        while (next < order.Length) Complete(order[next++]);
    }

    public void OnSpan(in OtlpSpan span)
    {
        var traceId = span.TraceId;
        if (traceId is null || !traces.TryGetValue(traceId, out var trace)) return;
        var facts = TraceDialects.Read(span, withContent: true)!;
        trace.Spans[facts.SpanId] = facts;
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
            if (lookup.ContainsKey(chars)) return true;
        }
    }

    public void OnLog(in OtlpLogRecord log)
    {
        var traceId = log.TraceId;
        if (traceId is null || !traces.TryGetValue(traceId, out var trace)) return;
        var name = log.EventName;
        if (!GenAiEvents.IsGenAi(name)) return;
        var spanId = log.SpanId ?? "";
        if (!trace.LogEvents.TryGetValue(spanId, out var facts)) trace.LogEvents[spanId] = facts = new SpanFacts { TraceId = traceId, SpanId = spanId, Start = log.Time, End = log.Time };
        GenAiEvents.Apply(name, log.Body, log.Attributes, log.Time, facts, withContent: true);
    }

    private void Complete(int index)
    {
        var spans = new List<SpanFacts>();
        foreach (var traceId in sessions[index].TraceIds)
        {
            if (!traces.Remove(traceId, out var trace)) continue;
            spans.AddRange(trace.Merged());
        }
        complete(index, spans.OrderBy(s => s.Start).ToList());
    }

    /// <summary>One flagged trace's spans and log events, by span id, in the order first read.</summary>
    private sealed class TraceSpans
    {
        public Dictionary<string, SpanFacts> Spans { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, SpanFacts> LogEvents { get; } = new(StringComparer.Ordinal);

        /// <summary>The spans, with log-record messages merged into the span they name, by start time.</summary>
        public List<SpanFacts> Merged()
        {
            foreach (var (key, events) in LogEvents)
            {
                if (Spans.TryGetValue(key, out var span))
                {
                    if (span.Input.Count == 0) span.Input.AddRange(events.Input);
                    if (span.Output.Count == 0) span.Output.AddRange(events.Output);
                    span.FinishReasons.AddRange(events.FinishReasons.Except(span.FinishReasons));
                    if (span.Kind == SpanKind.Other) span.Kind = SpanKind.ModelCall;
                }
                else
                {
                    events.Kind = SpanKind.ModelCall;
                    Spans[key] = events;
                }
            }
            return Spans.Values.OrderBy(s => s.Start).ToList();
        }
    }
}
