using AgentOps.Evals.Config;
using AgentOps.Evals.Harvesting.Drift;

namespace AgentOps.Evals.Harvesting.Shadowing;

/// <summary>
/// The first pass of shadow sampling: the harvester's per-trace summaries (<see cref="SummarySink"/>), plus each trace's
/// opening user message, so a session without a locale attribute gets the language drift's detector reads in its text.
/// Only the language leaves this sink; the texts stay in memory for the pass (at most 1,000 characters per trace).
/// </summary>
internal sealed class ShadowStrataSink(IReadOnlyDictionary<string, ModelPrice> pricing) : IOtlpSink
{
    private const int MaxTextChars = 1000;
    private readonly Dictionary<string, (ulong At, string Text)> opening = new(StringComparer.Ordinal);

    public SummarySink Summaries { get; } = new(pricing);

    public void OnSpan(in OtlpSpan span)
    {
        Summaries.OnSpan(span);
        if (TraceDialects.Read(span, withContent: true) is { Kind: SpanKind.ModelCall } facts) Offer(facts.TraceId, facts.Start, facts.Input);
    }

    public void OnLog(in OtlpLogRecord log)
    {
        Summaries.OnLog(log);
        if (!GenAiEvents.IsGenAi(log.EventName) || log.TraceId is not { } traceId) return;
        var facts = new SpanFacts { TraceId = traceId, SpanId = log.SpanId ?? "" };
        GenAiEvents.Apply(log.EventName, log.Body, log.Attributes, log.Time, facts, withContent: true);
        Offer(traceId, log.Time, facts.Input);
    }

    public void OnLine(int file, int line) => Summaries.OnLine(file, line);

    /// <summary>
    /// The session's locale as a language code: the language part of its locale attribute (de-DE → de), else the language
    /// detected in its opening user message, else <c>und</c>. One form for both, so de-DE sessions and German text share a stratum.
    /// </summary>
    public string Locale(SessionSummary session)
    {
        if (session.Locale is { } attribute) return Language(attribute);
        var text = session.TraceIds.Select(t => opening.TryGetValue(t, out var o) ? o : (At: ulong.MaxValue, Text: "")).MinBy(o => o.At).Text;
        return string.IsNullOrEmpty(text) ? "und" : LanguageDetector.Detect(text);
    }

    /// <summary>The primary language subtag, lower case; a value that is not one (a header list, free text) is <c>other</c>.</summary>
    internal static string Language(string locale)
    {
        var primary = locale.Split('-', '_', ',', ';', '.')[0].Trim().ToLowerInvariant();
        return primary.Length is >= 2 and <= 3 && primary.All(char.IsAsciiLetterLower) ? primary : "other";
    }

    /// <summary>The opening user message is the one of the earliest call that had one: later calls repeat it in their history.</summary>
    private void Offer(string traceId, ulong at, List<TraceMessage> input)
    {
        if (opening.TryGetValue(traceId, out var seen) && seen.At <= at) return;
        if (input.FirstOrDefault(m => m.Role == "user" && m.Content.Length > 0) is not { } user) return;
        opening[traceId] = (at, user.Content.Length > MaxTextChars ? user.Content[..MaxTextChars] : user.Content);
    }
}
