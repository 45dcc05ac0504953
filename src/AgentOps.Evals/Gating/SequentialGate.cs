using AgentOps.Evals.Running;
using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Gating;

/// <summary>
/// The gate with extra trials: judge after the base trials; while the verdict is undecided on the drop or a
/// P0 flip and budget remains, ask for more trials of the cases whose outcomes vary, and judge again. α is
/// split over the planned looks (<see cref="AlphaSpending"/>), so looking after every round does not raise the
/// chance of a false PASS or FAIL. Trials come from the caller (the application layer runs them through the
/// same runner, cassettes and store as any trial); this type decides only what to ask for and when to stop.
/// </summary>
public static class SequentialGate
{
    /// <summary>Rounds of extra trials after the base look.</summary>
    public const int Rounds = 1;

    /// <summary>Judges <paramref name="input"/>, spending extra trials from <paramref name="obtain"/> within <c>gate.max-extra-trials</c>.</summary>
    public static async Task<GateVerdict> EvaluateAsync(
        GateInput input,
        Func<IReadOnlyList<ExtraTrialRequest>, CancellationToken, Task<IReadOnlyList<TrialResult>>> obtain,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(obtain);
        var budget = input.Options.MaxExtraTrials ?? input.BaselineTrials.Count + input.CandidateTrials.Count;
        if (budget < 2) return GateEvaluator.Evaluate(input);

        var spending = new AlphaSpending(input.Spending.Alpha, 1 + Rounds);
        var baseline = input.BaselineTrials.ToList();
        var candidate = input.CandidateTrials.ToList();
        var spent = 0;
        for (var look = 0; ; look++)
        {
            var verdict = GateEvaluator.Evaluate(input with { BaselineTrials = baseline, CandidateTrials = candidate, Look = look, Spending = spending })
                with { ExtraTrials = spent, ExtraTrialBudget = budget };
            if (look == Rounds || !TrialsCouldDecide(verdict)) return verdict;

            // Spend what is left evenly over the rounds still to come; each chosen case gets up to 3k more a side.
            var roundBudget = (budget - spent) / (Rounds - look);
            var varying = Math.Max(1, verdict.Cases.Count(ExtraTrialPlanner.Varies));
            var perSide = Math.Clamp(roundBudget / (2 * varying), 1, 3 * Math.Max(1, verdict.Candidate.K));
            var requests = ExtraTrialPlanner.Plan(verdict, ExtraTrialPlanner.NextIndex(baseline), ExtraTrialPlanner.NextIndex(candidate), roundBudget, perSide);
            if (requests.Count == 0) return verdict;

            var results = await obtain(requests, cancellationToken).ConfigureAwait(false);
            var baselineRun = verdict.Baseline.RunId;
            foreach (var t in results)
            {
                if (string.Equals(t.RunId, baselineRun, StringComparison.Ordinal)) baseline.Add(t);
                else candidate.Add(t);
            }
            spent += results.Count;
        }
    }

    /// <summary>Only an undecided drop or P0 flip can be settled by more trials; a partial run or an outage cannot.</summary>
    private static bool TrialsCouldDecide(GateVerdict verdict)
    {
        if (verdict.Outcome == GateOutcome.Fail) return false;
        var blockers = verdict.Findings.Where(f => f.Severity == FindingSeverity.Inconclusive).ToList();
        if (blockers.Any(f => f.Rule is not ("max-pass-rate-drop" or "p0-regressions"))) return false;
        var undecidedP0 = verdict.Findings.Any(f => f.Rule == "p0-regressions" && f.Evidence?.Decision == GateOutcome.Inconclusive);
        return blockers.Count > 0 || undecidedP0;
    }
}
