namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>
/// One streaming pass over OTLP spans and log records, through the harvester's dialects: per trace, its opening user
/// message and the facts drift's dimensions read. Keeps at most <c>capacity</c> traces, the ones with the smallest hash
/// of their trace id (a bottom-k sample: deterministic, uniform, and independent of file order), so memory stays flat
/// however large the batch.
/// </summary>
internal sealed class DriftSink(int capacity) : IOtlpSink
{
    private const int MaxTextChars = 1000;

    private readonly Dictionary<string, TraceState> traces = new(StringComparer.Ordinal);
    private ulong threshold = ulong.MaxValue;

    /// <summary>The share of all traces the sample keeps (1 until the batch outgrows the capacity).</summary>
    public double SampledFraction => threshold == ulong.MaxValue ? 1.0 : threshold / (double)ulong.MaxValue;

    public long Spans { get; private set; }

    public void OnSpan(in OtlpSpan span)
    {
        Spans++;
        if (span.TraceId is not { } traceId || Get(traceId) is not { } state) return;
        var facts = TraceDialects.Read(span, withContent: true)!;
        state.SessionId ??= facts.SessionId;
        state.Tier ??= facts.Tier;
        state.PromptId ??= facts.PromptId;
        state.Locale ??= First(span.Attributes) ?? First(span.Resource);
        if (facts.Kind == SpanKind.ModelCall) state.Model ??= facts.Model;
        if (facts.Kind == SpanKind.ToolCall && !string.IsNullOrEmpty(facts.ToolName)) state.Tools.Add(facts.ToolName);
        if (facts.Start > 0 && facts.Start < state.Start) state.Start = facts.Start;
        if (facts.Feedback.Any(f => f.Negative)) state.ThumbsDown = true;
        state.Offer(facts.Start, facts.Input);
    }

    public void OnLog(in OtlpLogRecord log)
    {
        var name = log.EventName;
        if (!GenAiEvents.IsGenAi(name) || log.TraceId is not { } traceId || Get(traceId) is not { } state) return;
        var facts = new SpanFacts { TraceId = traceId, SpanId = log.SpanId ?? "" };
        GenAiEvents.Apply(name, log.Body, log.Attributes, log.Time, facts, withContent: true);
        if (facts.Feedback.Any(f => f.Negative)) state.ThumbsDown = true;
        state.Offer(log.Time, facts.Input);
    }

    /// <summary>The sampled traces that carried a user message, in trace-hash order (deterministic for the same input).</summary>
    public List<DriftQuery> Queries()
    {
        Prune(capacity);
        return traces.Where(t => t.Value.Text is { Length: > 0 }).OrderBy(t => t.Value.Hash).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => t.Value.ToQuery(t.Key)).ToList();
    }

    private TraceState? Get(string traceId)
    {
        if (traces.TryGetValue(traceId, out var state)) return state;
        var hash = StableHash.Of(traceId);
        if (hash > threshold) return null;
        traces[traceId] = state = new TraceState(hash);
        // Prune in batches: keeping up to twice the capacity makes each prune's sort amortized O(1) per trace.
        if (traces.Count > 2 * capacity) Prune(capacity);
        return state;
    }

    private void Prune(int keep)
    {
        if (traces.Count <= keep) return;
        var hashes = traces.Values.Select(t => t.Hash).Order().ToArray();
        threshold = hashes[keep - 1];
        foreach (var key in traces.Where(t => t.Value.Hash > threshold).Select(t => t.Key).ToList()) traces.Remove(key);
    }

    private static string? First(OtlpAttributes attributes)
    {
        if (attributes.IsEmpty) return null;
        foreach (var key in AppAttributesDialect.LocaleKeys)
            if (attributes.String(key) is { Length: > 0 } value) return value;
        return null;
    }

    private sealed class TraceState(ulong hash)
    {
        public ulong Hash { get; } = hash;
        public string? SessionId { get; set; }
        public string? Tier { get; set; }
        public string? Model { get; set; }
        public string? PromptId { get; set; }
        public string? Locale { get; set; }
        public ulong Start { get; set; } = ulong.MaxValue;
        public bool ThumbsDown { get; set; }
        public SortedSet<string> Tools { get; } = new(StringComparer.Ordinal);
        public string? Text { get; private set; }
        private ulong textAt = ulong.MaxValue;

        /// <summary>The opening user message is the one of the earliest call that had one: later calls repeat it in their history.</summary>
        public void Offer(ulong at, List<TraceMessage> input)
        {
            if (at >= textAt && Text is not null) return;
            if (input.FirstOrDefault(m => m.Role == "user" && m.Content.Length > 0) is not { } user) return;
            Text = user.Content.Length > MaxTextChars ? user.Content[..MaxTextChars] : user.Content;
            textAt = at;
        }

        public DriftQuery ToQuery(string traceId) => new(traceId, SessionId,
            Start is ulong.MaxValue or 0 ? null : OtlpValue.FromUnixNano(Start), Text!, Model, PromptId, Locale, [.. Tools], Tier)
        { ThumbsDown = ThumbsDown };
    }
}
