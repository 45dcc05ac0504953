using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Application;

/// <summary>
/// Earlier runs of the baseline's identity that the gate may pool into the baseline side: completed, same
/// candidate name, model id, prompt hash, model settings, provider and golden-set revision, newest first, at most
/// <c>gate.baseline-history</c>. None when the baseline replays recordings (a replayed run repeats the same
/// answers, so pooling it would count one answer several times) or is the candidate run itself.
/// </summary>
internal static class BaselineHistory
{
    public static async Task<(IReadOnlyList<RunInfo> Runs, IReadOnlyList<TrialResult> Trials)> FindAsync(
        EvalWorkspace ws, IResultStore store, RunInfo baseline, RunInfo candidate, CancellationToken cancellationToken)
    {
        var limit = ws.Config.Gate.BaselineHistory;
        if (limit <= 0 || Replays(ws, baseline)) return ([], []);
        var runs = new List<RunInfo>();
        var trials = new List<TrialResult>();
        foreach (var run in await store.ListRunsAsync(baseline.Candidate.Name, cancellationToken).ConfigureAwait(false))
        {
            if (runs.Count >= limit) break;
            if (run.RunId == baseline.RunId || run.RunId == candidate.RunId || !SameIdentity(run, baseline)) continue;
            runs.Add(run);
            trials.AddRange(await store.GetTrialsAsync(run.RunId, cancellationToken).ConfigureAwait(false));
        }
        return (runs, trials);
    }

    internal static bool SameIdentity(RunInfo run, RunInfo baseline) =>
        run.Status == RunStatus.Completed
        && run.GoldenSetRevision == baseline.GoldenSetRevision
        && run.Candidate.ModelId == baseline.Candidate.ModelId
        && run.Candidate.PromptHash == baseline.Candidate.PromptHash
        && run.Candidate.Settings == baseline.Candidate.Settings
        && run.Candidate.Provider == baseline.Candidate.Provider;

    private static bool Replays(EvalWorkspace ws, RunInfo run) =>
        !ws.Config.Providers.TryGetValue(run.Candidate.Provider, out var provider) || provider.Type == "replay";
}
