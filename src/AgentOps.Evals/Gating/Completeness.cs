using AgentOps.Evals.Running;

namespace AgentOps.Evals.Gating;

/// <summary>
/// The gate never passes on evidence it does not have. A run that did not complete, trials missing against
/// the run's plan (cases × k), cases run on one side only, and cases without a judged trial each make the
/// verdict inconclusive, naming what is missing and the command that completes it.
/// </summary>
internal static class Completeness
{
    public const string Rule = "completeness";

    public static IEnumerable<GateFinding> Check(
        (RunInfo Run, IReadOnlyDictionary<string, List<TrialResult>> Trials) baseline,
        (RunInfo Run, IReadOnlyDictionary<string, List<TrialResult>> Trials) candidate,
        IReadOnlyList<string> missingFromCandidate,
        IReadOnlyList<string> missingFromBaseline,
        IReadOnlyList<CaseComparison> cases)
    {
        foreach (var (side, run, trials) in new[] { ("baseline", baseline.Run, baseline.Trials), ("candidate", candidate.Run, candidate.Trials) })
        {
            var resume = $"agentops-evals run --resume {run.RunId}";
            if (run.Status != RunStatus.Completed)
            {
                yield return Finding(Overall, $"the {side} run {run.RunId} is {run.Status.ToString().ToLowerInvariant()}, not completed", [],
                    resume);
            }
            var short_ = run.Cases
                .Select(c => (c.Id, Planned: Math.Max(1, c.K), Have: trials.GetValueOrDefault(c.Id)?.Select(t => t.TrialIndex).Where(i => i < Math.Max(1, c.K)).Distinct().Count() ?? 0))
                .Where(c => c.Have < c.Planned)
                .ToList();
            if (short_.Count > 0)
            {
                var missing = short_.Sum(c => c.Planned - c.Have);
                var planned = run.Cases.Sum(c => Math.Max(1, c.K));
                yield return Finding(Overall, $"the {side} run {run.RunId} is missing {missing} of {planned} planned trials on {short_.Count} case(s)",
                    short_.Select(c => c.Id).Order(StringComparer.Ordinal).ToList(), resume);
            }
        }
        if (missingFromCandidate.Count > 0)
        {
            yield return Finding(Overall, $"{missingFromCandidate.Count} baseline case(s) were not run by the candidate",
                missingFromCandidate, $"run the candidate on the same cases (agentops-evals gate with the same --filter, or agentops-evals run --resume {candidate.Run.RunId})");
        }
        if (missingFromBaseline.Count > 0)
        {
            yield return Finding(Overall, $"{missingFromBaseline.Count} candidate case(s) were not run by the baseline",
                missingFromBaseline, $"run the baseline on the same cases (agentops-evals gate with the same --filter, or agentops-evals run --resume {baseline.Run.RunId})");
        }
        var unjudged = cases.Where(c => !c.Comparable).ToList();
        if (unjudged.Count > 0)
        {
            var p0 = unjudged.Count(SliceFigures.IsP0);
            yield return Finding(Overall,
                $"{unjudged.Count} case(s) have no judged trial on one side (every trial an infrastructure error)" + (p0 > 0 ? $", {p0} of them P0" : ""),
                unjudged.Select(c => c.Id).ToList(),
                "repeat those trials once the provider is healthy (agentops-evals gate re-runs them; a P0 case without a judged trial is never a pass)");
        }
    }

    private const string Overall = GateEvaluator.Overall;

    private static GateFinding Finding(string slice, string message, IReadOnlyList<string> cases, string wouldDecide) =>
        new(Rule, slice, FindingSeverity.Inconclusive, $"{message}; to complete: {wouldDecide}", null, null, cases)
        {
            Evidence = new RuleEvidence(GateOutcome.Inconclusive, null, null, null, null, wouldDecide),
        };
}
