using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary>Joins shard runs of one candidate into one stored run the gate can read.</summary>
internal static class ShardMerge
{
    public static async Task<MergeResult> MergeAsync(EvalWorkspace ws, IReadOnlyList<string> runIds, CancellationToken cancellationToken)
    {
        await using var store = await ws.OpenStoreAsync(cancellationToken).ConfigureAwait(false);
        var runs = new List<RunInfo>();
        foreach (var id in runIds)
            runs.Add(await store.GetRunAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new InputException(ws.StorePath, "RUN", $"no run '{id}' in the store"));

        var first = runs[0];
        foreach (var run in runs.Skip(1))
        {
            if (run.Candidate with { HarnessVersion = "" } != first.Candidate with { HarnessVersion = "" })
                throw new InputException(ws.StorePath, "RUN", $"run {run.RunId} is candidate {run.Candidate.Name}/{run.Candidate.ModelId}/{run.Candidate.PromptHash}, but {first.RunId} is {first.Candidate.Name}/{first.Candidate.ModelId}/{first.Candidate.PromptHash}: only shards of one candidate merge");
            if (run.K != first.K)
                throw new InputException(ws.StorePath, "RUN", $"run {run.RunId} has k={run.K}, but {first.RunId} has k={first.K}");
        }

        var cases = runs.SelectMany(r => r.Cases).GroupBy(c => c.Id).Select(g => g.First()).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var merged = new RunInfo
        {
            RunId = $"run-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{first.Candidate.Name}-merged-{Random.Shared.Next(0x10000):x4}",
            Candidate = first.Candidate,
            K = first.K,
            GoldenSetRevision = MergedRevision(ws, runs, cases),
            StartedAt = runs.Min(r => r.StartedAt),
            Filter = first.Filter,
            Shard = $"merged from {string.Join(", ", runs.Select(r => r.Shard ?? "all"))}",
            Cases = cases,
            GitCommit = first.GitCommit,
            GitBranch = first.GitBranch,
        };
        await store.CreateRunAsync(merged, cancellationToken).ConfigureAwait(false);
        var count = 0;
        var seen = new HashSet<(string, int)>();
        foreach (var run in runs)
        {
            var trials = (await store.GetTrialsAsync(run.RunId, cancellationToken).ConfigureAwait(false))
                .Where(t => seen.Add((t.CaseId, t.TrialIndex)))
                .Select(t => t with { RunId = merged.RunId })
                .ToList();
            await store.AppendTrialsAsync(trials, cancellationToken).ConfigureAwait(false);
            count += trials.Count;
        }
        var status = runs.All(r => r.Status == RunStatus.Completed) ? RunStatus.Completed : RunStatus.Interrupted;
        var finished = runs.Max(r => r.FinishedAt ?? r.StartedAt);
        await store.FinishRunAsync(merged.RunId, status, finished, cancellationToken).ConfigureAwait(false);
        return new MergeResult(merged with { Status = status, FinishedAt = finished }, runs.Count, count);
    }

    /// <summary>When every shard saw the case files as they are here, the merged run gets the revision of all its cases,
    /// as one unsharded run would (so <c>last-green:</c> and the gate find it); otherwise a fingerprint of the shards'
    /// revisions, which matches no current selection.</summary>
    private static string MergedRevision(EvalWorkspace ws, IReadOnlyList<RunInfo> runs, IReadOnlyList<RunCase> cases)
    {
        var revisions = runs.Select(r => r.GoldenSetRevision).Distinct().Order().ToList();
        var fallback = revisions.Count == 1 ? revisions[0] : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", revisions))).AsSpan(0, 6));
        IReadOnlyList<GoldenCase> current;
        try
        {
            current = ws.LoadCases();
        }
        catch (InputException)
        {
            return fallback; // no readable golden set here (merging on another machine): keep the shards' fingerprint
        }
        var byId = current.ToDictionary(c => c.Id, StringComparer.Ordinal);
        if (!cases.All(c => byId.ContainsKey(c.Id))) return fallback;
        foreach (var run in runs)
            if (GoldenSetRevision.Compute(run.Cases.Select(c => byId[c.Id])) != run.GoldenSetRevision) return fallback;
        return GoldenSetRevision.Compute(cases.Select(c => byId[c.Id]));
    }
}
