using AgentOps.Evals.Running;
using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Gating;

/// <summary>
/// The gate with extra trials: judge after the base trials; while the verdict is undecided on the drop or a
/// P0 flip and budget remains, ask for more trials (varying cases first, steady cases by a seeded random draw,
/// see <see cref="ExtraTrialPlanner"/>), and judge again on the two-stage estimate (<see cref="TwoStageEstimate"/>).
/// α is split over the planned looks (<see cref="AlphaSpending"/>), so looking after every round does not raise
/// the chance of a false PASS or FAIL. Trials come from the caller (the application layer runs them through the
/// same runner, cassettes and store as any trial); this type decides only what to ask for and when to stop.
/// Trials a run already holds beyond its plan (from an earlier gate on the same runs) are reused when the same
/// plan asks for them, so a repeated gate calls no model twice and reaches the same verdict.
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
        var baselinePlanned = PlannedByCase(input.Baseline);
        var candidatePlanned = PlannedByCase(input.Candidate);
        var (baseline, baselineStored) = Split(input.BaselineTrials, input.Baseline, baselinePlanned);
        var (candidate, candidateStored) = Split(input.CandidateTrials, input.Candidate, candidatePlanned);
        var budget = input.Options.MaxExtraTrials ?? baseline.Count + candidate.Count;
        if (budget < 2)
            return GateEvaluator.Evaluate(input) with { ExtraTrialNote = "extra trials are off (gate.max-extra-trials is 0)" };

        var spending = new AlphaSpending(input.Spending.Alpha, 1 + Rounds);
        var first = GateEvaluator.Evaluate(input with { BaselineTrials = baseline, CandidateTrials = candidate, Look = 0, Spending = spending })
            with { ExtraTrialBudget = budget };
        if (!TrialsCouldDecide(first))
            return first with { ExtraTrialNote = $"decided on the base trials at α = {Alpha(spending.At(0))} (of {Alpha(spending.Alpha)}); no extra trials needed" };

        var k = Math.Max(1, Math.Min(input.Baseline.K, input.Candidate.K));
        var plan = ExtraTrialPlanner.Plan(first, budget, k);
        if (plan.Count == 0)
            return first with { ExtraTrialNote = "undecided, but no case's outcomes vary: extra trials cannot sharpen the estimate" };

        // Ask only for the planned trials the store does not already hold.
        var requests = new List<ExtraTrialRequest>();
        var reused = new List<TrialResult>();
        var storedBaseline = baselineStored.ToLookup(t => t.CaseId, StringComparer.Ordinal);
        var storedCandidate = candidateStored.ToLookup(t => t.CaseId, StringComparer.Ordinal);
        foreach (var a in plan)
        {
            foreach (var (run, side, planned, stored) in new[]
                     { (input.Baseline, "baseline", baselinePlanned, storedBaseline), (input.Candidate, "candidate", candidatePlanned, storedCandidate) })
            {
                var from = planned.GetValueOrDefault(a.CaseId, Math.Max(1, run.K));
                var have = stored[a.CaseId].Where(t => t.TrialIndex >= from && t.TrialIndex < from + a.PerSide).ToList();
                reused.AddRange(have);
                var haveIndex = have.Select(t => t.TrialIndex).ToHashSet();
                for (var i = from; i < from + a.PerSide; i++)
                    if (!haveIndex.Contains(i)) requests.Add(new ExtraTrialRequest(run.RunId, side, a.CaseId, i, 1));
            }
        }
        var obtained = requests.Count == 0 ? [] : await obtain(Merge(requests), cancellationToken).ConfigureAwait(false);
        var extras = reused.Concat(obtained).ToList();
        var baselineExtras = extras.Where(t => string.Equals(t.RunId, input.Baseline.RunId, StringComparison.Ordinal)).ToList();
        var candidateExtras = extras.Where(t => !string.Equals(t.RunId, input.Baseline.RunId, StringComparison.Ordinal)).ToList();

        var drops = new Dictionary<string, double>(StringComparer.Ordinal);
        var byId = first.Cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var baselineByCase = baselineExtras.ToLookup(t => t.CaseId, StringComparer.Ordinal);
        var candidateByCase = candidateExtras.ToLookup(t => t.CaseId, StringComparer.Ordinal);
        foreach (var a in plan)
        {
            var c = byId[a.CaseId];
            drops[a.CaseId] = TwoStageEstimate.Compute(c.Counts.Drop,
                baselineByCase[a.CaseId].ToList(), candidateByCase[a.CaseId].ToList(), a.Inclusion);
        }
        var extraCounts = plan.ToDictionary(a => a.CaseId, a => Judged(baselineByCase[a.CaseId], candidateByCase[a.CaseId]), StringComparer.Ordinal);
        var verdict = GateEvaluator.Evaluate(input with
        {
            BaselineTrials = [.. baseline, .. baselineExtras],
            CandidateTrials = [.. candidate, .. candidateExtras],
            Look = 1,
            Spending = spending,
            CaseDrops = drops,
            CaseExtras = extraCounts,
        });
        var p0 = plan.Where(a => a.Priority).Select(a => a.CaseId).ToList();
        var varying = plan.Where(a => !a.Priority && a.Inclusion >= 1).Select(a => a.CaseId).ToList();
        var steady = plan.Count - p0.Count - varying.Count;
        var note = $"{extras.Count} extra trials (budget {budget}) on {plan.Count} case(s): " +
                   (p0.Count > 0 ? $"{p0.Count} P0 case(s) a P0 rule left undecided ({Names(p0)}), " : "") +
                   $"{varying.Count} whose outcomes varied ({Names(varying)}), " +
                   $"{steady} steady case(s) drawn at random so the drop estimate stays unbiased; " +
                   $"α = {Alpha(spending.At(0))} spent at the base look, {Alpha(spending.At(1))} after the extra trials" +
                   (reused.Count > 0 ? $"; {reused.Count} of them already stored by an earlier gate on these runs" : "");
        return verdict with { ExtraTrials = extras.Count, ExtraTrialBudget = budget, ExtraTrialNote = note };
    }

    private static string Names(IReadOnlyList<string> ids) =>
        ids.Count == 0 ? "none" : string.Join(", ", ids.Take(5)) + (ids.Count > 5 ? $" and {ids.Count - 5} more" : "");

    private static string Alpha(double alpha) => FigureText.Number(alpha, "0.0###");

    private static CaseCounts Judged(IEnumerable<TrialResult> baseline, IEnumerable<TrialResult> candidate)
    {
        var b = baseline.Where(t => t.Outcome != TrialOutcome.InfraError).ToList();
        var c = candidate.Where(t => t.Outcome != TrialOutcome.InfraError).ToList();
        return new CaseCounts(b.Count(t => t.Passed), b.Count, c.Count(t => t.Passed), c.Count);
    }

    /// <summary>Consecutive single-trial requests of one case and side become one request.</summary>
    private static List<ExtraTrialRequest> Merge(List<ExtraTrialRequest> requests)
    {
        var merged = new List<ExtraTrialRequest>();
        foreach (var r in requests)
        {
            if (merged.Count > 0 && merged[^1] is var last && last.RunId == r.RunId && last.CaseId == r.CaseId && last.FirstTrialIndex + last.Trials == r.FirstTrialIndex)
                merged[^1] = last with { Trials = last.Trials + r.Trials };
            else merged.Add(r);
        }
        return merged;
    }

    private static Dictionary<string, int> PlannedByCase(RunInfo run)
    {
        var planned = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in run.Cases) planned.TryAdd(c.Id, Math.Max(1, c.K));
        return planned;
    }

    /// <summary>The base stage (trials within the run's plan) and trials stored beyond it by an earlier gate.</summary>
    private static (List<TrialResult> Base, List<TrialResult> Beyond) Split(IReadOnlyList<TrialResult> trials, RunInfo run, Dictionary<string, int> planned)
    {
        var within = new List<TrialResult>();
        var beyond = new List<TrialResult>();
        foreach (var t in trials)
            (t.TrialIndex < planned.GetValueOrDefault(t.CaseId, Math.Max(1, run.K)) ? within : beyond).Add(t);
        return (within, beyond);
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
