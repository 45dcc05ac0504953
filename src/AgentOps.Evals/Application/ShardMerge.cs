using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Application;

/// <summary>A run to merge and the store it was read from (shards of a CI matrix each bring their own store file).</summary>
internal sealed record ShardSource(RunInfo Run, IResultStore Store, string StorePath);

/// <summary>
/// Joins shard runs of one candidate, from the workspace's store or from one store file per CI job, into one stored
/// run the gate can read. Shards must not overlap: two runs holding the same (case, trial) mean two jobs ran the same
/// shard, and the merge is refused rather than silently keeping one of them.
/// </summary>
internal static class ShardMerge
{
    public static async Task<MergeResult> MergeAsync(EvalWorkspace ws, IReadOnlyList<string> runIds, IReadOnlyList<string> fromStores, CancellationToken cancellationToken)
    {
        var opened = new List<SqliteResultStore>();
        try
        {
            // Shard stores are only read: they may be downloaded artifacts on a read-only disk.
            foreach (var path in fromStores) opened.Add(await SqliteResultStore.OpenReadOnlyAsync(path, cancellationToken).ConfigureAwait(false));
            await using var store = await ws.OpenStoreAsync(cancellationToken).ConfigureAwait(false);
            var shards = new List<ShardSource>();
            if (runIds.Count == 0)
                foreach (var source in opened)
                    foreach (var run in (await source.ListRunsAsync(null, cancellationToken).ConfigureAwait(false)).OrderBy(r => r.StartedAt))
                        shards.Add(new ShardSource(run, source, source.Path));
            foreach (var id in runIds)
                shards.Add(await FindAsync(id, opened, store, cancellationToken).ConfigureAwait(false)
                    ?? throw new InputException(string.Join(", ", [.. fromStores, ws.StorePath]), "RUN", $"no run '{id}' in the store{(fromStores.Count == 0 ? "" : "s")}"));
            return await MergeAsync(ws, shards, store, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var source in opened) await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<ShardSource?> FindAsync(string id, IEnumerable<SqliteResultStore> sources, SqliteResultStore store, CancellationToken cancellationToken)
    {
        foreach (var source in sources.Append(store))
            if (await source.GetRunAsync(id, cancellationToken).ConfigureAwait(false) is { } run) return new ShardSource(run, source, source.Path);
        return null;
    }

    private static async Task<MergeResult> MergeAsync(EvalWorkspace ws, IReadOnlyList<ShardSource> shards, IResultStore target, CancellationToken cancellationToken)
    {
        if (shards.Count == 0) throw new InputException(ws.StorePath, "RUN", "no runs to merge; name runs, or shard stores with --from-store");
        var first = shards[0].Run;
        foreach (var shard in shards.Skip(1))
        {
            var run = shard.Run;
            if (run.Candidate with { HarnessVersion = "" } != first.Candidate with { HarnessVersion = "" })
                throw new InputException(shard.StorePath, "RUN", $"run {run.RunId} is candidate {Describe(run)}, but {first.RunId} is {Describe(first)}: only shards of one candidate merge");
            if (run.K != first.K)
                throw new InputException(shard.StorePath, "RUN", $"run {run.RunId} has k={run.K}, but {first.RunId} has k={first.K}");
        }
        if (shards.GroupBy(s => s.Run.RunId).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InputException(twice.Last().StorePath, "RUN", $"run {twice.Key} is named twice ({string.Join(", ", twice.Select(s => s.StorePath).Distinct())}); each shard merges once");

        // Read everything before writing anything: an overlap found late must not leave half a merged run behind.
        var owner = new Dictionary<(string Case, int Trial), ShardSource>();
        var trials = new List<TrialResult>();
        foreach (var shard in shards)
        {
            foreach (var trial in await shard.Store.GetTrialsAsync(shard.Run.RunId, cancellationToken).ConfigureAwait(false))
            {
                if (owner.TryGetValue((trial.CaseId, trial.TrialIndex), out var other))
                    throw new InputException(shard.StorePath, "RUN",
                        $"runs {other.Run.RunId} ({other.StorePath}) and {shard.Run.RunId} ({shard.StorePath}) both hold case {trial.CaseId} trial {trial.TrialIndex}; " +
                        "shards must not overlap (did two jobs run the same --shard, or is a shard merged twice?)");
                owner[(trial.CaseId, trial.TrialIndex)] = shard;
                trials.Add(trial);
            }
        }

        var runs = shards.Select(s => s.Run).ToList();
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
        await target.CreateRunAsync(merged, cancellationToken).ConfigureAwait(false);
        await target.AppendTrialsAsync(trials.Select(t => t with { RunId = merged.RunId }).ToList(), cancellationToken).ConfigureAwait(false);
        var status = runs.All(r => r.Status == RunStatus.Completed) ? RunStatus.Completed : RunStatus.Interrupted;
        var finished = runs.Max(r => r.FinishedAt ?? r.StartedAt);
        await target.FinishRunAsync(merged.RunId, status, finished, cancellationToken).ConfigureAwait(false);
        return new MergeResult(merged with { Status = status, FinishedAt = finished }, runs.Count, trials.Count);
    }

    private static string Describe(RunInfo run) => $"{run.Candidate.Name}/{run.Candidate.ModelId}/{run.Candidate.PromptHash}";

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
