using AgentOps.Evals.Gating;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
using AgentOps.Evals.Targets;

namespace AgentOps.Evals.Application;

/// <summary>
/// Runs the gate's extra trials as what they are: more trials of the same stored runs, through the same runner,
/// provider limits, store and resume as <c>run --resume</c> (trial indices ≥ k). A side that replays recordings
/// gets none: a recording answers the same every time, so a repeated trial would be a copy, not evidence (and
/// serving index mod k would count one answer twice as independent). The gate then judges the base trials alone
/// and says so.
/// </summary>
internal sealed class ExtraTrialSource(EvalWorkspace ws, IResultStore store, string? provider, IRunObserver observer)
{
    /// <summary>Why extra trials cannot be run on these runs, or null when both sides can be extended.</summary>
    public string? Unavailable(RunInfo baseline, RunInfo candidate)
    {
        if (ws.Config.Gate.MaxExtraTrials == 0) return "extra trials are off (gate.max-extra-trials is 0)";
        foreach (var (side, run) in new[] { ("baseline", baseline), ("candidate", candidate) })
        {
            if (!ws.Config.Candidates.TryGetValue(run.Candidate.Name, out var config))
                return $"no extra trials: the {side} run's candidate '{run.Candidate.Name}' is not in the config, so it cannot be run again";
            var providerName = provider ?? config.Provider;
            if (ws.Config.Providers.TryGetValue(providerName, out var p) && p.Type == "replay")
                return $"no extra trials: the {side} '{run.Candidate.Name}' replays recordings (provider {providerName}), which answer the same every time, so a repeated trial adds no evidence; judged on the base trials";
            var promptHash = config.Prompt is { } path && File.Exists(ws.Config.Resolve(path)) ? PromptTemplate.Load(ws.Config.Resolve(path)).Hash : "none";
            if (config.Model != run.Candidate.ModelId || promptHash != run.Candidate.PromptHash)
                return $"no extra trials: the {side} run {run.RunId} was made with model {run.Candidate.ModelId}, prompt {run.Candidate.PromptHash}; " +
                       $"the config's '{run.Candidate.Name}' is now {config.Model}, prompt {promptHash}, so more trials would not be of the same agent";
        }
        return null;
    }

    /// <summary>Runs the requested trials (each run resumed with its cases extended) and returns them as stored.</summary>
    public async Task<IReadOnlyList<TrialResult>> ObtainAsync(IReadOnlyList<ExtraTrialRequest> requests, IReadOnlyDictionary<string, RunInfo> runs, CancellationToken cancellationToken)
    {
        var results = new List<TrialResult>();
        foreach (var byRun in requests.GroupBy(r => r.RunId, StringComparer.Ordinal))
        {
            var run = runs[byRun.Key];
            var counts = byRun.GroupBy(r => r.CaseId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Max(r => r.FirstTrialIndex + r.Trials), StringComparer.Ordinal);
            var wanted = byRun.SelectMany(r => Enumerable.Range(r.FirstTrialIndex, r.Trials).Select(i => (r.CaseId, i))).ToHashSet();
            var request = new RunRequest(run.Candidate.Name, run.K, run.Filter, run.Shard, provider, Resume: run, TrialCounts: counts);
            var result = await RunExecution.ExecuteAsync(ws, store, request, observer, cancellationToken).ConfigureAwait(false);
            if (result.Outcome.Status == RunStatus.Interrupted) throw new OperationCanceledException();
            results.AddRange(result.Trials.Where(t => wanted.Contains((t.CaseId, t.TrialIndex))));
        }
        return results;
    }
}
