using AgentOps.Evals.Evaluation.ModelGraded;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Judging;
using AgentOps.Evals.Providers;

namespace AgentOps.Evals.Application;

/// <summary>The gate's <c>judge.min-agreement</c> input: calibrates the judge on the human-labelled cases (graded on the
/// baseline's outputs) when gated cases are model-graded, and hands the agreement to <see cref="JudgeTrust"/>.</summary>
internal static class JudgeTrustRule
{
    public static async Task<GateVerdict> ApplyAsync(EvalWorkspace ws, GateVerdict verdict, StoredRun baseline, StoredRun candidate, CancellationToken cancellationToken)
    {
        if (ws.Config.Judge?.MinAgreement is not { } minAgreement) return verdict;
        var cases = ws.LoadCases();
        var gated = candidate.Run.Cases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var modelGraded = cases.Where(c => gated.Contains(c.Id) && ModelGrading.NeedsJudge(c, ws.Evaluators)).Select(c => c.Id).ToList();
        if (modelGraded.Count == 0) return verdict;
        var labelled = cases.Where(c => c.ExpectJudge is not null).ToList();
        double? agreement = null;
        var judged = 0;
        if (labelled.Count > 0 && ChatClientFactory.CreateJudge(ws.Config, gradedProvider: baseline.Run.Candidate.Provider) is { } judge)
        {
            var result = await CalibrationJudge.CalibrateAsync(labelled, baseline.Trials, baseline.Run.Candidate, judge, ws.Evaluators, cancellationToken).ConfigureAwait(false);
            agreement = result.Agreement;
            judged = result.Judged;
        }
        return JudgeTrust.Apply(verdict, minAgreement, agreement, judged, modelGraded);
    }
}
