using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Reporting.Html;

/// <summary>One stored run of a candidate on the history trend: when, its pass rate (judged trials) and its cost.</summary>
/// <param name="RunId">The run.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="PassRate">Passed ÷ judged trials; null when no trial was judged.</param>
/// <param name="JudgedTrials">Trials that were not infrastructure errors.</param>
/// <param name="CostUsd">The candidate's cost over the run.</param>
/// <param name="GitCommit">The commit it ran on, when known.</param>
public sealed record HistoryPoint(string RunId, DateTimeOffset StartedAt, double? PassRate, int JudgedTrials, decimal CostUsd, string? GitCommit)
{
    /// <summary>The point of one run: pass rate over its judged trials (infrastructure errors left out), and its cost.</summary>
    public static HistoryPoint Of(RunInfo run, IReadOnlyList<TrialResult> trials)
    {
        var judged = trials.Count(t => t.Outcome != TrialOutcome.InfraError);
        var passed = trials.Count(t => t.Outcome == TrialOutcome.Passed);
        return new HistoryPoint(run.RunId, run.StartedAt, judged == 0 ? null : (double)passed / judged, judged, trials.Sum(t => t.Usage.CostUsd), run.GitCommit);
    }

    /// <summary>The last <paramref name="limit"/> completed runs of <paramref name="candidate"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<HistoryPoint>> LoadAsync(IResultStore store, string candidate, int limit = 30, CancellationToken cancellationToken = default)
    {
        var runs = (await store.ListRunsAsync(candidate, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Status == RunStatus.Completed).Take(limit).ToList();
        var points = new List<HistoryPoint>(runs.Count);
        foreach (var run in runs)
            points.Add(Of(run, await store.GetTrialsAsync(run.RunId, cancellationToken).ConfigureAwait(false)));
        return [.. points.OrderBy(p => p.StartedAt)];
    }
}
