using AgentOps.Evals.Config;
using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Gating;

/// <summary>
/// P0 cases must not regress. A P0 case regressed when its majority flipped (more than half of the
/// baseline's judged trials passed, fewer than half of the candidate's; ties never count) and an exact test
/// shows the candidate passes less often: Fisher's exact one-sided test on the base trials, or, for a case that
/// got extra trials, the inverse-normal combination of the base-stage and extra-stage Fisher p-values (the extra
/// trials were asked for because the base stage looked worse, so the stages are tested apart, see
/// <see cref="InverseNormalCombination"/>). The p-values are Bonferroni-adjusted over the P0 cases that could show
/// a regression at all (Tarone, see <see cref="TaroneAdjustment"/>), so a golden set with many flaky P0 cases does
/// not fail an equal candidate more often than α, while steady P0 cases cost nothing. A flip without that
/// evidence blocks a pass as inconclusive when the candidate never passed the case (2/3 → 0/3), and is otherwise
/// reported (3/3 → 1/3 is what a flaky case at 70% does one time in six). A P0 case that passed less often
/// without a flip (3/3 → 2/3: a 5% case passing twice by luck looks like this) is reported too. Every one of
/// them gets extra trials first (3k a side, see <see cref="ExtraTrialPlanner"/>) before the gate may pass.
/// Judged on the whole set only: the same case would otherwise fail once per slice it sits in.
/// A P0 case without a judged trial is inconclusive through <see cref="Completeness"/>, never a pass.
/// </summary>
internal sealed class P0RegressionsRule : IGateRule
{
    public string Name => "p0-regressions";

    public IEnumerable<GateFinding> Judge(SliceView slice, GateOptions options)
    {
        if (options.P0Regressions is not { } allowed || !slice.IsOverall) yield break;
        var p0 = slice.Cases.Where(c => c.Comparable && SliceFigures.IsP0(c)).ToList();
        var minimums = p0.Select(MinimumPValue).ToList();
        var adjusted = TaroneAdjustment.Adjust(p0.Select(PValue).ToList(), minimums, slice.Alpha);
        var tested = p0.Select((c, i) => (Case: c, P: adjusted[i])).ToList();
        var flipped = tested.Where(f => f.Case.Flip == CaseFlip.Regression).ToList();
        var shown = flipped.Where(f => f.P <= slice.Alpha).Select(f => f.Case.Id).ToList();
        var unsure = flipped.Where(f => f.P > slice.Alpha).ToList();
        var worse = tested.Where(f => f.Case.Flip != CaseFlip.Regression && Worse(f.Case)).ToList();
        var level = FigureText.Percent(1 - slice.Alpha);
        var test = $"Fisher exact, Bonferroni over the {TaroneAdjustment.Testable(minimums, slice.Alpha)} P0 case(s) that could show a regression, {level}";
        if (shown.Count > allowed)
        {
            yield return new GateFinding(Name, slice.Name, FindingSeverity.Fail,
                $"{shown.Count} P0 case(s) regressed (allowed {allowed}): " + string.Join(", ", flipped.Where(f => f.P <= slice.Alpha).Select(Describe)),
                shown.Count, allowed, shown)
            { Evidence = new RuleEvidence(GateOutcome.Fail, shown.Count, null, test, allowed, null) };
        }
        if (unsure.Count > 0)
        {
            var ids = unsure.Select(f => f.Case.Id).ToList();
            var would = $"extra trials on {string.Join(", ", ids)} (or a larger k): {slice.K} trials a side cannot tell a flaky P0 case from a regression";
            var blocking = unsure.Any(f => f.Case.CandidatePasses == 0);
            yield return new GateFinding(Name, slice.Name, blocking ? FindingSeverity.Inconclusive : FindingSeverity.Info,
                $"{unsure.Count} P0 case(s) flipped without exact evidence: {string.Join(", ", unsure.Select(Describe))}; would decide: {would}",
                unsure.Count, allowed, ids)
            { Evidence = new RuleEvidence(GateOutcome.Inconclusive, unsure.Count, null, test, allowed, would) };
        }
        if (worse.Count > 0)
        {
            var ids = worse.Select(f => f.Case.Id).ToList();
            var would = $"extra trials on {string.Join(", ", ids)}: a P0 case that passes less often without a majority flip may still be a regression";
            yield return new GateFinding(Name, slice.Name, FindingSeverity.Info,
                $"{worse.Count} P0 case(s) passed less often without a majority flip: {string.Join(", ", worse.Select(Describe))}",
                worse.Count, allowed, ids)
            { Evidence = new RuleEvidence(GateOutcome.Inconclusive, worse.Count, null, test, allowed, would) };
        }
    }

    /// <summary>The one-sided p-value of "the candidate passes this case less often", before the multiplicity adjustment.</summary>
    internal static double PValue(CaseComparison c)
    {
        var first = c.BaseCounts;
        var p1 = FisherExact.WorsePValue(first.BaselinePasses, first.BaselineTrials, first.CandidatePasses, first.CandidateTrials);
        // Extra trials with a judged trial on both sides are a second stage; otherwise the base stage alone decides.
        if (c.ExtraCounts is not { BaselineTrials: > 0, CandidateTrials: > 0 } e) return p1;
        var p2 = FisherExact.WorsePValue(e.BaselinePasses, e.BaselineTrials, e.CandidatePasses, e.CandidateTrials);
        return InverseNormalCombination.Combine(p1, p2);
    }

    /// <summary>The smallest p-value this case's margins allow (Tarone): a case that went 3/3 on both sides can never count against the others.</summary>
    internal static double MinimumPValue(CaseComparison c)
    {
        var first = c.BaseCounts;
        var p1 = FisherExact.MinimumWorsePValue(first.BaselineTrials, first.CandidateTrials, first.BaselinePasses + first.CandidatePasses);
        if (c.ExtraCounts is not { BaselineTrials: > 0, CandidateTrials: > 0 } e) return p1;
        return InverseNormalCombination.Combine(p1, FisherExact.MinimumWorsePValue(e.BaselineTrials, e.CandidateTrials, e.BaselinePasses + e.CandidatePasses));
    }

    private static bool Worse(CaseComparison c) => (long)c.CandidatePasses * c.BaselineTrials < (long)c.BaselinePasses * c.CandidateTrials;

    private static string Describe((CaseComparison Case, double P) f) =>
        $"{f.Case.Id} ({f.Case.BaselinePasses}/{f.Case.BaselineTrials} → {f.Case.CandidatePasses}/{f.Case.CandidateTrials}, adjusted p = {FigureText.Number(f.P, "0.###")})";
}
