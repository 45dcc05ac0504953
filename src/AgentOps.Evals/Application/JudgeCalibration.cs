using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Judging;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary><c>calibrate</c>: the judge grades the stored outputs of cases labelled <c>expect-judge</c>, for agreement and kappa.</summary>
internal static class JudgeCalibration
{
    /// <summary>Grades on <paramref name="runId"/>'s outputs, else on the latest completed run of the baseline candidate that holds a labelled case.</summary>
    public static async Task<CalibrationReport> CalibrateAsync(EvalWorkspace ws, string? runId, CancellationToken cancellationToken)
    {
        var configFile = ws.Config.SourceFile;
        if (ws.Config.Judge is null)
            throw new InputException(configFile, "judge", "missing; calibrate grades with the judge: add judge: {model, provider} to the config");
        var labelled = ws.LoadCases().Where(c => c.ExpectJudge is not null).ToList();
        if (labelled.Count == 0)
            throw new InputException(ws.GoldenSetRoot, "expect-judge", "no case carries a human label; add `expect-judge: pass` or `expect-judge: fail` to the cases a person has graded");

        await using var store = await ws.OpenStoreAsync(cancellationToken).ConfigureAwait(false);
        RunInfo run;
        if (runId is not null)
        {
            run = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false)
                ?? throw new InputException(ws.StorePath, "--run", $"no run '{runId}' in the store; list runs with: agentops-evals report --list");
        }
        else
        {
            var baseline = ws.Config.Baseline ?? throw new InputException(configFile, "baseline", "missing; name the baseline candidate or pass --run RUN");
            // The newest completed run that holds a labelled case: a newer filtered or shard run without one would grade nothing.
            var completed = (await store.ListRunsAsync(baseline, cancellationToken).ConfigureAwait(false)).Where(r => r.Status == RunStatus.Completed).ToList();
            var labelledIds = labelled.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            run = completed.FirstOrDefault(r => r.Cases.Any(c => labelledIds.Contains(c.Id))) ?? completed.FirstOrDefault()
                ?? throw new InputException(ws.StorePath, "--run", $"no completed run of the baseline '{baseline}' in the store; run `agentops-evals run --candidate {baseline}` first or pass --run RUN");
        }
        var trials = await store.GetTrialsAsync(run.RunId, cancellationToken).ConfigureAwait(false);
        var judge = ChatClientFactory.CreateJudge(ws.Config, gradedProvider: run.Candidate.Provider)!;
        var result = await CalibrationJudge.CalibrateAsync(labelled, trials, run.Candidate, judge, ws.Evaluators, cancellationToken).ConfigureAwait(false);
        return new CalibrationReport(run, result, ws.Config.Judge.MinAgreement);
    }
}
