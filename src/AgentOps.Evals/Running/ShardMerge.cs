using System.Globalization;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Running;

/// <summary>A run to merge and the store it was read from (shards of a CI matrix each bring their own store file).</summary>
public sealed record ShardSource(RunInfo Run, IResultStore Store, string StorePath);

/// <summary>What a merge wrote: the new run and how many trials it holds.</summary>
public sealed record MergeResult(RunInfo Run, int Trials);

/// <summary>
/// Joins shard runs of one candidate, from one store or several, into one run written to a target store. Shards must
/// not overlap: two runs holding the same (case, trial) mean two jobs ran the same shard, and the merge is refused
/// rather than silently keeping one of them.
/// </summary>
public static class ShardMerge
{
    /// <summary>Checks the shards, then writes the merged run to <paramref name="target"/>. <paramref name="revision"/>
    /// gives the merged run's golden-set revision from its cases.</summary>
    public static async Task<MergeResult> MergeAsync(IReadOnlyList<ShardSource> shards, IResultStore target, string targetPath,
        Func<IReadOnlyList<RunCase>, string> revision, CancellationToken cancellationToken = default)
    {
        if (shards.Count == 0) throw new InputException(targetPath, "RUN", "no runs to merge; name runs, or stores with --from-store");
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
            GoldenSetRevision = revision(cases),
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
        await target.FinishRunAsync(merged.RunId, status, runs.Max(r => r.FinishedAt ?? r.StartedAt), cancellationToken).ConfigureAwait(false);
        return new MergeResult(merged with { Status = status }, trials.Count);
    }

    private static string Describe(RunInfo run) => $"{run.Candidate.Name}/{run.Candidate.ModelId}/{run.Candidate.PromptHash}";
}
