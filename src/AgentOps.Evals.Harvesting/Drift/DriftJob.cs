using System.Globalization;
using System.Security.Cryptography;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Harvesting.Anonymization;

namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>
/// The drift check: production queries of this window (and the one before) and the golden set's active inputs are
/// clustered together by intent; clusters with traffic but no cases are flagged and sampled into the annotation queue;
/// each dimension's distribution is compared by PSI. One streaming pass over the traces, a bounded sample in memory.
/// </summary>
public sealed class DriftJob
{
    private const int ExamplesPerCluster = 3;

    /// <summary>Uncovered clusters merge at this fraction of the join threshold (IntentClustering.MergeUncovered says why).</summary>
    internal const double UncoveredMergeFactor = 0.5;
    private readonly IQueryVectorizer? vectorizer;

    public DriftJob() { }

    /// <summary>With configured embeddings instead of the local TF-IDF vectors.</summary>
    internal DriftJob(IQueryVectorizer vectorizer) => this.vectorizer = vectorizer;

    public Task<DriftReport> RunAsync(DriftRequest request, CancellationToken ct) => Task.Run(() => RunCore(request, ct), ct);

    private async Task<DriftReport> RunCore(DriftRequest request, CancellationToken ct)
    {
        if (request.Key is null && !request.EphemeralKey)
            throw new InputException("drift", "key", "no harvest key: set the key environment variable (harvest.key-env) or pass --ephemeral-key");
        if (request.Key is { Length: < 16 })
            throw new InputException("drift", "key", $"the harvest key has {request.Key.Length} bytes; expected at least 16");
        if (request.Since is { } s0 && request.Until is { } u0 && u0 <= s0)
            throw new InputException("--until", "--until", $"found {u0:yyyy-MM-dd HH:mm}, expected a time after --since ({s0:yyyy-MM-dd HH:mm})");
        var key = request.Key ?? RandomNumberGenerator.GetBytes(32);
        var options = request.Options;
        var traceFiles = FileGlob.Expand(request.Traces);
        if (traceFiles.Count == 0)
            throw new InputException("drift", "traces", $"no trace files match {string.Join(", ", request.Traces)}; expected OTLP JSON files (harvest.traces or --traces)");

        var skipped = new List<SkippedLine>();
        var feedback = new List<FeedbackEvent>();
        foreach (var file in FileGlob.Expand(request.Feedback)) FeedbackReader.Read(file, feedback, skipped, ct);
        var sink = new DriftSink(options.MaxQueries);
        for (var i = 0; i < traceFiles.Count; i++) OtlpFileReader.Read(traceFiles[i], sink, skipped, ct, i);
        var negative = feedback.Where(f => f.Negative && f.SessionId is not null).Select(f => f.SessionId!).ToHashSet(StringComparer.Ordinal);
        var all = sink.Queries().Select(q => q with { ThumbsDown = q.ThumbsDown || negative.Contains(q.SessionId ?? q.TraceId) || negative.Contains(q.TraceId) }).ToList();

        var windows = DriftWindows.Of(request, all);
        var current = all.Where(windows.InCurrent).ToList();
        var previous = all.Where(windows.InPrevious).ToList();
        if (current.Count == 0)
            throw new InputException("drift", request.Since is null && request.Until is null ? "traces" : "--since",
                $"no production query with a user message in the window ({windows.Describe()}); {all.Count} queries read in {traceFiles.Count} files" +
                (skipped.Count == 0 ? "" : $"; {skipped.Count} bad lines skipped, first: {skipped[0]}"));
        var cases = request.Cases.Where(c => c.Status == CaseStatus.Active && GoldenText(c).Length > 0).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();

        // Golden inputs first: a cluster's leader is then a case where one exists, so production phrasings gather around it.
        var texts = cases.Select(GoldenText).Concat(current.Select(q => q.Text)).Concat(previous.Select(q => q.Text)).ToList();
        var space = vectorizer ?? new TfIdfVectorizer(options.JoinSimilarity);
        var vectors = await space.VectorizeAsync(texts, ct).ConfigureAwait(false);
        var minSize = Math.Max(3, (int)Math.Ceiling(current.Count * 0.01));
        var labels = IntentClustering.Cluster(vectors, space.Dimensions, space.JoinSimilarity, minSize);
        var anchored = Enumerable.Range(0, texts.Count).Select(i => i < cases.Count).ToArray();
        labels = IntentClustering.MergeUncovered(vectors, labels, anchored, space.JoinSimilarity * UncoveredMergeFactor, space.Dimensions);
        var clusterCount = labels.DefaultIfEmpty(-1).Max() + 1;
        var centroids = IntentClustering.Centroids(vectors, labels, clusterCount, space.Dimensions);

        var caseLabels = labels[..cases.Count];
        var currentLabels = labels[cases.Count..(cases.Count + current.Count)];
        var previousLabels = labels[(cases.Count + current.Count)..];
        var anonymizer = new CaseAnonymizer(key, new Pseudonymizer(key));
        var clusters = new List<DriftCluster>();
        var members = new Dictionary<int, List<DriftQuery>>();
        for (var c = 0; c < clusterCount; c++)
        {
            var queries = current.Where((_, i) => currentLabels[i] == c).ToList();
            var before = previous.Where((_, i) => previousLabels[i] == c).ToList();
            var caseIds = cases.Where((_, i) => caseLabels[i] == c).Select(x => x.Id).ToList();
            if (queries.Count == 0 && caseIds.Count == 0) continue;
            members[c] = queries;
            var traffic = (double)queries.Count / current.Count;
            var caseShare = cases.Count == 0 ? 0 : (double)caseIds.Count / cases.Count;
            var uncovered = caseShare < options.MaxCaseShare ? traffic : 0;
            var rate = queries.Count == 0 ? 0 : (double)queries.Count(q => q.ThumbsDown) / queries.Count;
            double? previousRate = before.Count == 0 ? null : (double)before.Count(q => q.ThumbsDown) / before.Count;
            clusters.Add(new DriftCluster
            {
                Id = c,
                Queries = queries.Count,
                TrafficShare = traffic,
                PreviousTrafficShare = previous.Count == 0 ? null : (double)before.Count / previous.Count,
                Cases = caseIds.Count,
                CaseShare = caseShare,
                UncoveredShare = uncovered,
                TopTerms = space.TopTerms(centroids[c], 5),
                CaseIds = caseIds.Take(5).ToList(),
                Examples = queries.Take(ExamplesPerCluster).Select(q => Shorten(anonymizer.Anonymize(q.Text), 160)).ToList(),
                Languages = queries.GroupBy(q => LanguageDetector.Detect(q.Text)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Take(3).ToDictionary(g => g.Key, g => Math.Round((double)g.Count() / queries.Count, 3)),
                ThumbsDownRate = rate,
                PreviousThumbsDownRate = previousRate,
                ThumbsDownRise = previousRate is { } p && queries.Count >= 20 && before.Count >= 20 && rate - p > options.MaxThumbsDownRise,
                Flagged = traffic > options.MinTrafficShare && caseShare < options.MaxCaseShare,
            });
        }
        clusters = clusters.OrderByDescending(c => c.UncoveredShare).ThenByDescending(c => c.TrafficShare).ThenBy(c => c.Id).ToList();

        var shifts = ShiftDimensions.Compare(current, previous, cases, currentLabels, previousLabels, options);
        var written = new List<string>();
        var present = new List<string>();
        if (request.Out is { } outFolder && options.Sample > 0)
        {
            var flagged = clusters.Where(c => c.Flagged).Select(c => members[c.Id].Take(options.Sample).ToList()).ToList();
            (written, present) = DriftCaseSampler.Write(flagged, request, key, outFolder);
        }

        var findings = new List<string>();
        foreach (var c in clusters.Where(c => c.Flagged))
            findings.Add(string.Create(CultureInfo.InvariantCulture, $"cluster {c.Id} [{string.Join(", ", c.TopTerms)}]: {c.TrafficShare:P1} of traffic, {c.CaseShare:P1} of cases (flag: > {options.MinTrafficShare:P0} traffic, < {options.MaxCaseShare:P0} cases)"));
        foreach (var c in clusters.Where(c => c.ThumbsDownRise))
            findings.Add(string.Create(CultureInfo.InvariantCulture, $"cluster {c.Id} [{string.Join(", ", c.TopTerms)}]: thumbs-down rate {c.PreviousThumbsDownRate:P1} → {c.ThumbsDownRate:P1}"));
        foreach (var shift in shifts.Where(s => s.Exceeded))
            findings.Add(string.Create(CultureInfo.InvariantCulture, $"{shift.Dimension} against {shift.Against}: PSI {shift.Psi:0.000} > {shift.Threshold:0.###}"));

        var now = request.Time.GetUtcNow();
        return new DriftReport
        {
            RunId = $"drift-{now:yyyyMMdd-HHmmss}",
            At = now,
            Since = windows.Since,
            Until = windows.Until,
            PreviousSince = windows.PreviousSince,
            Vectors = space is TfIdfVectorizer ? "local" : space.ToString() ?? "embeddings",
            Queries = current.Count,
            PreviousQueries = previous.Count,
            SampledFraction = sink.SampledFraction,
            ActiveCases = cases.Count,
            Clusters = clusters,
            UnclusteredShare = (double)currentLabels.Count(l => l < 0) / current.Count,
            NoCaseShare = clusters.Where(c => c.Cases == 0).Sum(c => c.TrafficShare),
            Shifts = shifts,
            CasesWritten = written,
            CasesAlreadyPresent = present,
            Skipped = skipped,
            Findings = findings,
            TraceClusters = current.Select((q, i) => (q.TraceId, Label: currentLabels[i])).ToDictionary(p => p.TraceId, p => p.Label, StringComparer.Ordinal),
        };
    }

    /// <summary>A case's opening user message: what a production query is compared with.</summary>
    internal static string GoldenText(GoldenCase c) => c.Input.Messages.FirstOrDefault(m => m.Role == "user")?.Content ?? "";

    private static string Shorten(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ");
        if (line.Length <= max) return line;
        var cut = line.LastIndexOf(' ', max);
        return (cut > max / 2 ? line[..cut] : line[..max]).TrimEnd() + "…";
    }
}
