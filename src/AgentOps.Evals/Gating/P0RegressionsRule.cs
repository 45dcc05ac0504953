using AgentOps.Evals.Config;
using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Gating;

/// <summary>
/// P0 cases must not regress. A P0 case regressed when its majority flipped (more than half of the
/// baseline's judged trials passed, fewer than half of the candidate's; ties never count) and Fisher's exact
/// test shows the candidate passes less often (p ≤ α; 3/3 → 0/3 gives p = 0.05). A flip without that
/// evidence blocks a pass as inconclusive when the candidate never passed the case (2/3 → 0/3), and is
/// otherwise reported (3/3 → 1/3 is what a flaky case at 70% does one time in six; blocking on it would keep
/// a golden set with a few flaky P0 cases from ever passing). Either way the extra-trial loop spends
/// trials on it first. Judged on the whole set only: the same case would otherwise fail once per slice it sits in.
/// A P0 case without a judged trial is inconclusive through <see cref="Completeness"/>, never a pass.
/// </summary>
internal sealed class P0RegressionsRule : IGateRule
{
    public string Name => "p0-regressions";

    public IEnumerable<GateFinding> Judge(SliceView slice, GateOptions options)
    {
        if (options.P0Regressions is not { } allowed || !slice.IsOverall) yield break;
        var flipped = slice.Cases.Where(c => c.Flip == CaseFlip.Regression && SliceFigures.IsP0(c))
            .Select(c => (Case: c, P: FisherExact.WorsePValue(c.BaselinePasses, c.BaselineTrials, c.CandidatePasses, c.CandidateTrials)))
            .ToList();
        var shown = flipped.Where(f => f.P <= slice.Alpha).Select(f => f.Case.Id).ToList();
        var unsure = flipped.Where(f => f.P > slice.Alpha).ToList();
        var level = FigureText.Percent(1 - slice.Alpha);
        if (shown.Count > allowed)
        {
            yield return new GateFinding(Name, slice.Name, FindingSeverity.Fail,
                $"{shown.Count} P0 case(s) regressed (allowed {allowed}): " + string.Join(", ", flipped.Where(f => f.P <= slice.Alpha).Select(Describe)),
                shown.Count, allowed, shown)
            { Evidence = new RuleEvidence(GateOutcome.Fail, shown.Count, null, $"Fisher exact, {level}", allowed, null) };
        }
        if (unsure.Count > 0)
        {
            var ids = unsure.Select(f => f.Case.Id).ToList();
            var would = $"extra trials on {string.Join(", ", ids)} (or a larger k): {slice.K} trials a side cannot tell a flaky P0 case from a regression";
            var blocking = unsure.Any(f => f.Case.CandidatePasses == 0);
            yield return new GateFinding(Name, slice.Name, blocking ? FindingSeverity.Inconclusive : FindingSeverity.Info,
                $"{unsure.Count} P0 case(s) flipped without exact evidence: {string.Join(", ", unsure.Select(Describe))}; would decide: {would}",
                unsure.Count, allowed, ids)
            { Evidence = new RuleEvidence(GateOutcome.Inconclusive, unsure.Count, null, $"Fisher exact, {level}", allowed, would) };
        }
    }

    private static string Describe((CaseComparison Case, double P) f) =>
        $"{f.Case.Id} ({f.Case.BaselinePasses}/{f.Case.BaselineTrials} → {f.Case.CandidatePasses}/{f.Case.CandidateTrials}, p = {FigureText.Number(f.P, "0.###")})";
}
