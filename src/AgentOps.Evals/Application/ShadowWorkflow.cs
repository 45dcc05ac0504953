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
        var (shadowId, stored) = request.Resume is { } resume
            ? await ShadowResume.FindAsync(store, resume, ws.StorePath, request.Baseline, request.Candidate, cases, cancellationToken).ConfigureAwait(false)
            : (ShadowResume.NewId(), new Dictionary<string, RunInfo>());
        var k = stored.Values.FirstOrDefault()?.K ?? request.K;
        RunResult? baselineRun = null;
        if (!production)
        {
            baselineRun = await RunExecution.ExecuteAsync(ws, store, Side(request, request.Baseline, cases, shadowId, k, stored), observer, cancellationToken).ConfigureAwait(false);
            Interrupted(baselineRun, request, shadowId);
        }
        var candidateRun = await RunExecution.ExecuteAsync(ws, store, Side(request, request.Candidate, cases, shadowId, k, stored), observer, cancellationToken).ConfigureAwait(false);
        Interrupted(candidateRun, request, shadowId);

        var baselineTrials = baselineRun?.Trials.ToLookup(t => t.CaseId, StringComparer.Ordinal);
        var candidateTrials = candidateRun.Trials.ToLookup(t => t.CaseId, StringComparer.Ordinal);
        var sides = request.Inputs.Select(input =>
        {
            var baseline = baselineTrials is not null ? SideFigures.Of(baselineTrials[input.Id].ToList())
                : input.Production is { } p ? SideFigures.Of(p) : SideFigures.Of([]);
            return (Input: input, Baseline: baseline, Candidate: SideFigures.Of(candidateTrials[input.Id].ToList()));
        }).ToList();

        var (judgements, rubric) = await JudgeAsync(ws, request, candidateRun.Run.Candidate, sides.Select(s => (s.Input, s.Baseline, s.Candidate)).ToList(), observer, cancellationToken).ConfigureAwait(false);
        var comparisons = sides.Select((s, i) => InputComparison.Of(s.Input, s.Baseline, s.Candidate, judgements?[i], production) with
        {
            BaselineRubric = rubric?[i].Baseline,
            CandidateRubric = rubric?[i].Candidate,
        }).ToList();
        var verdict = ShadowEvaluator.Evaluate(comparisons, ws.Config.Shadow, judged: judgements is not null, rubricScored: rubric is not null);
        return new ShadowReport(request.Baseline, request.Candidate, baselineRun?.Run.Candidate, candidateRun.Run.Candidate, baselineRun?.Run.RunId,
            candidateRun.Run.RunId, k, comparisons, verdict, Notes(request, comparisons, judgements is not null, production))
        {
            ShadowId = shadowId,
            TrialsRun = candidateRun.Outcome.TrialsRun + (baselineRun?.Outcome.TrialsRun ?? 0),
            TrialsReused = candidateRun.Outcome.TrialsSkipped + (baselineRun?.Outcome.TrialsSkipped ?? 0),
        };
    }

    /// <summary>One side's run: new, or the side's stored run of the resumed shadow (finished, not redone).</summary>
    private static RunRequest Side(ShadowRequest request, string candidate, IReadOnlyList<Cases.GoldenCase> cases, string shadowId, int k,
        IReadOnlyDictionary<string, RunInfo> stored) =>
        new(candidate, k, Filter: ShadowResume.Label(shadowId), Provider: request.Provider, Record: request.Record, Concurrency: request.Concurrency,
            Resume: stored.GetValueOrDefault(candidate), Cases: cases);

    /// <summary>A side stopped before every trial ran (cancelled): no verdict on part of the inputs; say how to finish.</summary>
    private static void Interrupted(RunResult side, ShadowRequest request, string shadowId)
    {
        if (side.Outcome.Status != RunStatus.Interrupted) return;
        throw new RunInterruptedException(
            $"Interrupted: {side.Trials.Count} trial(s) of {side.Run.Candidate.Name} stored (run {side.Run.RunId}). Finish it with: agentops-evals shadow --resume {shadowId} --baseline {request.Baseline} --candidate {request.Candidate}", shadowId);
    }

    /// <summary>The judge on each input's first answers, both orders, and (with <c>shadow.rubric</c>) on every answer against the
    /// rubric; null when there is no judge (config or request).</summary>
    private static async Task<(PairwiseJudgement?[]? Pairwise, (RubricScores? Baseline, RubricScores? Candidate)[]? Rubric)> JudgeAsync(EvalWorkspace ws, ShadowRequest request, CandidateIdentity candidate,
        IReadOnlyList<(ShadowInput Input, SideFigures Baseline, SideFigures Candidate)> sides, IRunObserver observer, CancellationToken cancellationToken)
    {
        if (!request.Judge || ws.Config.Judge is null) return (null, null);
        var recording = request.Record ? CassetteFile.Load(CassetteFile.PathFor(CandidateSession.CassetteFolder(ws.Config), ChatClientFactory.JudgeCassette)) : null;
        // A replayed candidate replays the judge too (judge.jsonl beside its cassettes): an offline shadow stays offline.
        var judge = ChatClientFactory.CreateJudge(ws.Config, recording, gradedProvider: request.Provider ?? ws.Config.Candidates[request.Candidate].Provider);
        if (judge is null) return (null, null);
        var results = new PairwiseJudgement?[sides.Count];
        var rubric = ws.Config.Shadow.Rubric is not null ? new (RubricScores? Baseline, RubricScores? Candidate)[sides.Count] : null;
        try
        {
            for (var i = 0; i < sides.Count; i++)
            {
                var (input, baseline, candidateSide) = sides[i];
                if (baseline.Trials == 0 || candidateSide.Trials == 0) continue;
                results[i] = await PositionSwapJudge.JudgeAsync(judge, input.Case, baseline.Outputs[0], candidateSide.Outputs[0], candidate, cancellationToken).ConfigureAwait(false);
                if (rubric is not null)
                    rubric[i] = (await RubricJudge.ScoreAsync(judge, input.Case, baseline.Outputs, ws.Config.Shadow.Rubric!, candidate, cancellationToken).ConfigureAwait(false),
                        await RubricJudge.ScoreAsync(judge, input.Case, candidateSide.Outputs, ws.Config.Shadow.Rubric!, candidate, cancellationToken).ConfigureAwait(false));
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
        return (results, rubric);
    }

    private static List<string> Notes(ShadowRequest request, IReadOnlyList<InputComparison> comparisons, bool judged, bool production)
    {
        var notes = new List<string>();
        if (request.Inputs.Count(i => i.EarlierUserTurns > 0) is > 0 and var multi)
            notes.Add($"{multi} input(s) are multi-turn sessions: each side replays the user turns in order, answering each itself; the reply to the last turn is compared.");
        if (comparisons.Count(c => c.Unrecorded.Any) is > 0 and var marked)
            notes.Add($"{marked} input(s) had tool calls no recorded production result answered ({string.Join(", ", comparisons.SelectMany(c => c.Unrecorded.Tools).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}): marked per input; their answers rest on a marked error, not data.");
        if (production) notes.Add("the baseline is production's recorded answer: one answer per input, so the noise floor is the candidate's own agreement.");
        if (!judged) notes.Add("no judge (judge: in the config, or --no-judge): the judge rules were not checked.");
        else if (comparisons.Any(c => c.BaselineRubric?.Error is not null || c.CandidateRubric?.Error is not null))
            notes.Add("the judge gave no rubric score for some answers: they are left out of the rubric means, not counted as low.");
        return notes;
    }
}
