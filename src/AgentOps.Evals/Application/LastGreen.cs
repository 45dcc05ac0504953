using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Application;

/// <summary><c>last-green:CANDIDATE</c>: the newest completed run of the candidate on the current golden-set revision
/// that met the gate's pass-rate floor and infrastructure-error ceiling.</summary>
internal static class LastGreen
{
    public static async Task<StoredRun> FindAsync(EvalWorkspace ws, IResultStore store, string candidate, string? filter, string field, CancellationToken cancellationToken)
    {
        var revision = GoldenSetRevision.Compute(ws.SelectCases(filter, null));
        foreach (var run in await store.ListRunsAsync(candidate, cancellationToken).ConfigureAwait(false))
        {
            if (run.Status != RunStatus.Completed || run.GoldenSetRevision != revision) continue;
            var trials = await store.GetTrialsAsync(run.RunId, cancellationToken).ConfigureAwait(false);
            if (IsGreen(RunTotals.Of(run, trials), ws.Config.Gate)) return new StoredRun(run, trials);
        }
        throw new InputException(ws.StorePath, field,
            $"no green run of '{candidate}' on golden-set revision {revision} in the store; make one with: agentops-evals run --candidate {candidate}");
    }

    /// <summary>Green: some trials, a pass rate over judged trials at least gate.min-pass-rate, infrastructure errors within gate.max-infra-error-rate.</summary>
    private static bool IsGreen(SuiteSummary totals, Config.GateOptions gate) =>
        totals.Trials > 0 && totals.PassRate >= (gate.MinPassRate ?? 0) && totals.InfraRate() <= gate.MaxInfraErrorRate;
}
