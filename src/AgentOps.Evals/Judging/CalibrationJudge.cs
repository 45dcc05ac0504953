using AgentOps.Evals.Cases;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Running;
using AgentOps.Evals.Targets;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Judging;

/// <summary>Runs a case's model-graded assertions on a stored output, as the run did, to compare with the case's human label.</summary>
internal static class CalibrationJudge
{
    /// <summary>Grades every labelled case on the stored outputs and computes agreement and Cohen's kappa: what
    /// <c>calibrate</c> prints and what the gate's <c>judge.min-agreement</c> rule reads.</summary>
    public static async Task<CalibrationResult> CalibrateAsync(IReadOnlyList<GoldenCase> labelled, IReadOnlyList<TrialResult> storedTrials,
        CandidateIdentity candidate, IChatClient judge, EvaluatorRegistry evaluators, CancellationToken cancellationToken = default)
    {
        var items = new List<CalibrationItem>(labelled.Count);
        foreach (var goldenCase in labelled)
            items.Add(await JudgeAsync(goldenCase, storedTrials, candidate, judge, evaluators, cancellationToken).ConfigureAwait(false));
        return CalibrationResult.Compute(items);
    }

    /// <summary>The judge's verdict on a labelled case: pass when every model-graded assertion passes; null (with the
    /// reason) when the case has none, no usable trial is stored, or the judge could not answer.</summary>
    public static async Task<CalibrationItem> JudgeAsync(GoldenCase goldenCase, IReadOnlyList<TrialResult> storedTrials, CandidateIdentity candidate,
        IChatClient judge, EvaluatorRegistry evaluators, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(goldenCase);
        var human = goldenCase.ExpectJudge ?? throw new ArgumentException($"case '{goldenCase.Id}' has no expect-judge label", nameof(goldenCase));
        var graded = goldenCase.Expect.Select(evaluators.Bind).Where(a => a.NeedsJudge).ToList();
        if (graded.Count == 0) return new CalibrationItem(goldenCase.Id, human, null, "no model-graded assertion to calibrate");
        var trial = storedTrials.Where(t => t.CaseId == goldenCase.Id && t.Outcome != TrialOutcome.InfraError).OrderBy(t => t.TrialIndex).FirstOrDefault();
        if (trial is null) return new CalibrationItem(goldenCase.Id, human, null, "no stored trial with an output for this case");

        var response = new TargetResponse(trial.Output, trial.Trajectory, trial.Usage, trial.LatencyMs, trial.FinishReason, candidate.ModelId);
        var context = new AssertionContext(goldenCase, response, candidate, trial.TrialIndex) { Judge = judge };
        var reasons = new List<string>();
        var passed = true;
        foreach (var assertion in graded)
        {
            var result = await assertion.EvaluateAsync(context, cancellationToken).ConfigureAwait(false);
            if (result.InfraError) return new CalibrationItem(goldenCase.Id, human, null, $"{result.Type}: {result.Reason}");
            passed &= result.Passed;
            reasons.Add($"{result.Type}: {result.Reason}");
        }
        return new CalibrationItem(goldenCase.Id, human, passed, string.Join("; ", reasons));
    }
}
