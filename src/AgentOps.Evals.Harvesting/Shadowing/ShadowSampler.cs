using System.Security.Cryptography;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Harvesting.Anonymization;
using AgentOps.Evals.Shadowing;

namespace AgentOps.Evals.Harvesting.Shadowing;

/// <summary>
/// Samples production sessions for a shadow comparison: reads traces with the harvester's readers and dialects, stratifies
/// by slice attributes (tier, locale, model, prompt; every value kept when the sample allows), builds each session's input
/// (its user turns, replayed in order; recorded tool results as mocks), keeps production's answer, anonymizes all of it
/// with the harvester's anonymizer, and writes one case file per input. Nothing un-anonymized is written.
/// </summary>
internal static class ShadowSampler
{
    /// <summary>The attributes a session carries that a sample can be stratified and sliced by; locale as a language code
    /// (<see cref="ShadowStrataSink.Locale"/>: from the attribute, else detected in the text).</summary>
    internal static string? Attribute(SessionSummary session, string name, ShadowStrataSink strata) => name switch
    {
        "tier" => session.Tier,
        "model" => session.Model,
        "prompt" => session.PromptId,
        "locale" => strata.Locale(session),
        _ => null,
    };

    private const int MaxListed = 20;

    /// <summary>Reads, stratifies, samples, anonymizes and writes; throws <see cref="InputException"/> for a missing key or no matching trace file.</summary>
    public static ShadowSampleSummary Sample(ShadowSampleRequest request, CancellationToken ct)
    {
        if (request.Key is null && !request.EphemeralKey)
            throw new InputException("shadow", "key", "no anonymizer key: set the key environment variable (harvest.key-env) or pass --ephemeral-key");
        var key = request.Key ?? RandomNumberGenerator.GetBytes(32);
        var files = FileGlob.Expand(request.Traces);
        if (files.Count == 0) throw new InputException("shadow", "--traces", $"no trace files match {string.Join(", ", request.Traces)}");
        var skipped = new List<SkippedLine>();
        var strata = new ShadowStrataSink(request.Pricing);
        for (var i = 0; i < files.Count; i++) OtlpFileReader.Read(files[i], strata, skipped, ct, i);
        var summaries = strata.Summaries;
        var sessions = SessionSummary.Group(summaries.Traces.Values, [])
            .Where(s => s.ModelCalls > 0 && (request.Since is not { } since || s.Start >= since)).ToList();
        // Nothing readable at all: name the bad lines (as harvest does) rather than sample nothing and say later that no set exists.
        if (sessions.Count == 0 && skipped.Count > 0)
            throw new InputException([.. skipped.Take(MaxListed).Select(l => new Problem(new SourceLocation(l.File, l.Line), "", l.Reason)),
                .. skipped.Count > MaxListed ? [new Problem(new SourceLocation("shadow"), "--traces", $"and {skipped.Count - MaxListed} more bad lines")] : Array.Empty<Problem>()]);
        // Each session's attribute values once (locale detection reads text): the sample, the slices and the summary share them.
        var attributes = sessions.ToDictionary(s => s.Key, s => request.Slices.ToDictionary(a => a, a => Attribute(s, a, strata), StringComparer.Ordinal), StringComparer.Ordinal);
        var present = request.Slices.Where(a => sessions.Any(s => attributes[s.Key][a] is not null)).ToList();
        IReadOnlyList<string> Values(SessionSummary s) => present.Select(a => $"{a}:{attributes[s.Key][a] ?? "none"}").ToList();
        string Stratum(SessionSummary s) => string.Join(",", Values(s));
        var sampled = StratifiedSample.Select(sessions, Values, request.Sample, request.Seed);

        var built = new Dictionary<int, ShadowInput>();
        var without = 0;
        var lastSeen = sampled.Select(s => s.TraceIds.Max(t => summaries.Traces[t].LastSeen)).ToArray();
        var pseudonymizer = new Pseudonymizer(key);
        var now = request.Time.GetUtcNow();
        var sink = new TranscriptSink(sampled, lastSeen, (index, spans) =>
        {
            var session = sampled[index];
            if (TranscriptBuilder.Build(session, [], spans) is not { } candidate) { without++; return; }
            var slices = present.Where(a => attributes[session.Key][a] is not null).ToDictionary(a => a, a => attributes[session.Key][a]!, StringComparer.Ordinal);
            built[index] = ShadowInputBuilder.Build(candidate, spans, slices, pseudonymizer, request.Pricing, key, now);
        });
        for (var i = 0; i < files.Count; i++) OtlpFileReader.Read(files[i], sink, [], ct, i);
        sink.Finish();

        Directory.CreateDirectory(request.Out);
        // A new sample replaces the old one: inputs of an older sample would otherwise mix into this one's verdict.
        foreach (var old in Directory.EnumerateFiles(request.Out, "shadow-*.yaml")) File.Delete(old);
        var written = new List<string>();
        foreach (var input in built.OrderBy(b => b.Key).Select(b => b.Value))
        {
            var path = Path.Combine(request.Out, input.Id + ".yaml");
            if (File.Exists(path)) continue;   // two sessions with the same anonymized input: one file
            File.WriteAllText(path, GoldenCaseWriter.ToYaml(input.Case, request.SchemaPath));
            written.Add(path);
        }
        var strataCounts = sessions.GroupBy(Stratum, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key.Length == 0 ? "all" : g.Key, g => (g.Count(), sampled.Count(s => Stratum(s) == g.Key)), StringComparer.Ordinal);
        var values = sessions.SelectMany(Values).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(v => v, v => (sessions.Count(s => Values(s).Contains(v)), sampled.Count(s => Values(s).Contains(v))), StringComparer.Ordinal);
        return new ShadowSampleSummary(sessions.Count, strataCounts, written, without, request.Slices.Except(present).ToList(), skipped.Count) { Values = values, SkippedLines = skipped };
    }
}
