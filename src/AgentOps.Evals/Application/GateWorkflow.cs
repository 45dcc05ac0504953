using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Reporting.Html;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary>The gate as one call: resolve both sides (run now, reuse, or last green), evaluate them, apply the judge-trust rule.</summary>
internal static class GateWorkflow
{
    public static async Task<GateResult> GateAsync(EvalWorkspace ws, GateRequest request, IRunObserver observer, CancellationToken cancellationToken)
    {
        var from = request.From ?? [];
        if (from.Count > 2) throw new InputException("--from", "--from", $"found {from.Count} runs, expected BASELINE_RUN CANDIDATE_RUN or just CANDIDATE_RUN");
        var baselineSpec = from.Count == 2 ? from[0] : request.Baseline ?? ws.Config.Baseline
            ?? throw new InputException(ws.Config.SourceFile, "--baseline", "no baseline given and none in the config; pass --baseline NAME or set baseline: in eval.config.yaml");
        var candidateSpec = from.Count >= 1 ? from[^1] : request.Candidate
            ?? throw new InputException("--candidate", "--candidate", "missing; expected the candidate to judge (a name from the config or a stored run id)");

        // Gating two stored runs only reads: it works on a store downloaded read-only from another job.
        await using var store = from.Count == 2 ? await ws.OpenStoreReadOnlyAsync(cancellationToken).ConfigureAwait(false) : await ws.OpenStoreAsync(cancellationToken).ConfigureAwait(false);
        var resolver = new RunResolver(ws, store, request.K ?? ws.Config.Run.K, request.Filter, request.Provider, observer);
        var baseline = await resolver.ResolveAsync(baselineSpec, "--baseline", cancellationToken).ConfigureAwait(false);
        var candidate = await resolver.ResolveAsync(candidateSpec, "--candidate", cancellationToken).ConfigureAwait(false);
        if (baseline.Run.RunId == candidate.Run.RunId && baselineSpec != candidateSpec)
            throw new InputException("--from", "--from", "baseline and candidate are the same stored run");

        var history = await BaselineHistory.FindAsync(ws, store, baseline.Run, candidate.Run, cancellationToken).ConfigureAwait(false);
        var input = new GateInput(baseline.Run, baseline.Trials, candidate.Run, candidate.Trials, ws.Config.Gate) { BaselineHistory = history.Trials };
        var extra = new ExtraTrialSource(ws, store, request.Provider, observer);
        var runs = new Dictionary<string, RunInfo>(StringComparer.Ordinal) { [baseline.Run.RunId] = baseline.Run, [candidate.Run.RunId] = candidate.Run };
        var verdict = extra.Unavailable(baseline.Run, candidate.Run) is { } why
            ? GateEvaluator.Evaluate(input) with { ExtraTrialNote = why }
            : await SequentialGate.EvaluateAsync(input, (requests, ct) => extra.ObtainAsync(requests, runs, ct), cancellationToken).ConfigureAwait(false);
        if (verdict.ExtraTrials > 0)
        {
            // The reports show the runs as stored now: with their extra trials.
            baseline = await Reload(store, baseline, cancellationToken).ConfigureAwait(false);
            candidate = await Reload(store, candidate, cancellationToken).ConfigureAwait(false);
        }
        verdict = await JudgeTrustRule.ApplyAsync(ws, verdict, baseline, candidate, cancellationToken).ConfigureAwait(false);
        var points = request.WithHistory
            ? await HistoryPoint.LoadAsync(store, candidate.Run.Candidate.Name, cancellationToken: cancellationToken).ConfigureAwait(false)
            : [];
        return new GateResult(verdict, baseline, candidate, points);
    }

    private static async Task<StoredRun> Reload(Storage.IResultStore store, StoredRun run, CancellationToken cancellationToken) =>
        new(await store.GetRunAsync(run.Run.RunId, cancellationToken).ConfigureAwait(false) ?? run.Run,
            await store.GetTrialsAsync(run.Run.RunId, cancellationToken).ConfigureAwait(false));
}
