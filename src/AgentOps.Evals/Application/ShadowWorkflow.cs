using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;
using AgentOps.Evals.Shadowing;
using AgentOps.Evals.Targets;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Application;

/// <summary>
/// Shadow comparison: both sides answer every sampled input k times through the normal runner (store, rate limits,
/// cassettes), the pairwise judge compares their first answers in both orders, and <see cref="ShadowEvaluator"/> decides.
/// </summary>
internal static class ShadowWorkflow
{
    public static async Task<ShadowReport> RunAsync(EvalWorkspace ws, ShadowRequest request, IRunObserver observer, CancellationToken cancellationToken)
    {
        if (request.K < 1) throw new InputException("-k", "-k", $"found {request.K}, expected a whole number ≥ 1");
        var production = string.Equals(request.Baseline, ShadowReport.Production, StringComparison.Ordinal);
        foreach (var (name, field) in new[] { (request.Candidate, "--candidate"), (production ? null : request.Baseline, "--baseline") })
            if (name is not null && !ws.Config.Candidates.ContainsKey(name))
                throw new InputException(ws.Config.SourceFile, field, $"no candidate '{name}'; expected one of: {string.Join(", ", ws.Config.Candidates.Keys.Order())}{(field == "--baseline" ? ", or production (the answers recorded in the traces)" : "")}");
        if (request.Inputs.Count == 0) throw new InputException(ws.Config.Resolve(ws.Config.Shadow.Set), "shadow.set", "the shadow set has no inputs");

        var cases = request.Inputs.Select(i => i.Case).ToList();
        await using var store = await ws.OpenStoreAsync(cancellationToken).ConfigureAwait(false);
        RunResult? baselineRun = null;
        if (!production)
            baselineRun = await RunExecution.ExecuteAsync(ws, store, Side(request, request.Baseline, cases), observer, cancellationToken).ConfigureAwait(false);
        var candidateRun = await RunExecution.ExecuteAsync(ws, store, Side(request, request.Candidate, cases), observer, cancellationToken).ConfigureAwait(false);

        var baselineTrials = baselineRun?.Trials.ToLookup(t => t.CaseId, StringComparer.Ordinal);
        var candidateTrials = candidateRun.Trials.ToLookup(t => t.CaseId, StringComparer.Ordinal);
        var sides = request.Inputs.Select(input =>
        {
            var baseline = baselineTrials is not null ? SideFigures.Of(baselineTrials[input.Id].ToList())
                : input.Production is { } p ? SideFigures.Of(p) : SideFigures.Of([]);
            return (Input: input, Baseline: baseline, Candidate: SideFigures.Of(candidateTrials[input.Id].ToList()));
        }).ToList();

        var judgements = await JudgeAsync(ws, request, candidateRun.Run.Candidate, sides.Select(s => (s.Input, s.Baseline, s.Candidate)).ToList(), observer, cancellationToken).ConfigureAwait(false);
        var comparisons = sides.Select((s, i) => InputComparison.Of(s.Input, s.Baseline, s.Candidate, judgements?[i])).ToList();
        var verdict = ShadowEvaluator.Evaluate(comparisons, ws.Config.Shadow, judged: judgements is not null);
        return new ShadowReport(request.Baseline, request.Candidate, baselineRun?.Run.Candidate, candidateRun.Run.Candidate, baselineRun?.Run.RunId,
            candidateRun.Run.RunId, request.K, comparisons, verdict, Notes(request, judgements is not null, production));
    }

    private static RunRequest Side(ShadowRequest request, string candidate, IReadOnlyList<Cases.GoldenCase> cases) =>
        new(candidate, request.K, Filter: "shadow set", Provider: request.Provider, Record: request.Record, Concurrency: request.Concurrency, Cases: cases);

    /// <summary>The judge on each input's first answers, both orders; null when there is no judge (config or request).</summary>
    private static async Task<PairwiseJudgement?[]?> JudgeAsync(EvalWorkspace ws, ShadowRequest request, CandidateIdentity candidate,
        IReadOnlyList<(ShadowInput Input, SideFigures Baseline, SideFigures Candidate)> sides, IRunObserver observer, CancellationToken cancellationToken)
    {
        if (!request.Judge || ws.Config.Judge is null) return null;
        var recording = request.Record ? CassetteFile.Load(CassetteFile.PathFor(CandidateSession.CassetteFolder(ws.Config), ChatClientFactory.JudgeCassette)) : null;
        // A replayed candidate replays the judge too (judge.jsonl beside its cassettes): an offline shadow stays offline.
        var judge = ChatClientFactory.CreateJudge(ws.Config, recording, gradedProvider: request.Provider ?? ws.Config.Candidates[request.Candidate].Provider);
        if (judge is null) return null;
        var results = new PairwiseJudgement?[sides.Count];
        try
        {
            for (var i = 0; i < sides.Count; i++)
            {
                var (input, baseline, candidateSide) = sides[i];
                if (baseline.Trials == 0 || candidateSide.Trials == 0) continue;
                results[i] = await PositionSwapJudge.JudgeAsync(judge, input.Case, baseline.Outputs[0], candidateSide.Outputs[0], candidate, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (recording is not null)
            {
                recording.Save();
                observer.Recorded(recording.Count, recording.Path, judge: true);
            }
        }
        return results;
    }

    private static List<string> Notes(ShadowRequest request, bool judged, bool production)
    {
        var notes = new List<string>();
        if (request.Inputs.Count(i => i.EarlierUserTurns > 0) is > 0 and var multi)
            notes.Add($"{multi} input(s) are multi-turn sessions: the runner replays the last user turn with the earlier turns (and production's answers to them) as history, not each turn live.");
        var unrecorded = request.Inputs.SelectMany(i => i.UnrecordedTools).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unrecorded.Count > 0)
            notes.Add($"tools without a recorded production result ({string.Join(", ", unrecorded)}) answer with a marked error, not a result.");
        if (production) notes.Add("the baseline is production's recorded answer: one answer per input, so the noise floor is the candidate's own agreement.");
        if (!judged) notes.Add("no judge (judge: in the config, or --no-judge): the judge rules were not checked.");
        return notes;
    }
}
