using AgentOps.Evals.Cases;
using AgentOps.Evals.Harvesting.Anonymization;

namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>
/// Writes a flagged cluster's sampled queries as <c>needs-label</c> cases exactly as <c>harvest</c> does: the same
/// anonymizer, content-hash ids and near-duplicate collapse (so a second run, or a query harvest already took, adds
/// nothing), the same mapping store, and entries appended to the same triage queue.
/// </summary>
internal static class DriftCaseSampler
{
    public static (List<string> Written, List<string> Present) Write(IReadOnlyList<List<DriftQuery>> clusters, DriftRequest request, byte[] key, string outFolder)
    {
        var written = new List<string>();
        var present = new List<string>();
        var candidates = clusters.SelectMany(queries => queries.Select(Candidate)).ToList();
        if (candidates.Count == 0) return (written, present);
        var now = request.Time.GetUtcNow();
        var pseudonymizer = new Pseudonymizer(key);
        var mapping = request.EphemeralKey ? null : new MappingStore(request.MappingStore, key);
        Directory.CreateDirectory(outFolder);
        var triage = new List<TriageEntry>();
        foreach (var candidate in NearDuplicates.Collapse(candidates))
        {
            var (goldenCase, replacements) = HarvestJob.CaseFromCandidate(candidate, key, pseudonymizer, now);
            var path = Path.Combine(outFolder, goldenCase.Id + ".yaml");
            if (File.Exists(path)) { present.Add(path); continue; }
            File.WriteAllText(path, GoldenCaseWriter.ToYaml(goldenCase, request.SchemaPath));
            written.Add(path);
            mapping?.Write(goldenCase.Id, replacements);
            triage.Add(new TriageEntry(0, goldenCase.Id, Path.GetFileName(path), Math.Round(CaseRanking.Score(candidate), 2), candidate.Count,
                candidate.Flags.Select(f => f.ToName()).ToList(), null, candidate.Session.Tier, candidate.Session.Model, goldenCase.Title));
        }
        if (triage.Count > 0) TriageQueue.AppendDrift(outFolder, triage);
        return (written, present);
    }

    private static HarvestCandidate Candidate(DriftQuery query)
    {
        var session = new SessionSummary(query.SessionId ?? query.TraceId, query.SessionId, [query.TraceId], null, query.Tier, query.Model, query.PromptId,
            query.Start, 0, 0, 0, 0, false, 0, 0, false, false, []);
        return new HarvestCandidate(session, [HarvestFlag.Drift], [new CaseMessage("user", query.Text)], [], []);
    }
}
