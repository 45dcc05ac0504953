using AgentOps.Evals.Config;
using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Gating;

/// <summary>
/// <c>max-pass-rate-drop</c> is the margin: the smallest drop in pass rate that matters. On the paired
/// per-case drops (see <see cref="PairedComparison"/>): PASS when the one-sided upper bound is below the
/// margin (non-inferiority shown); FAIL when a drop is shown (adjusted p ≤ α, one family-wise α over the
/// whole set and every gated slice, see GateEvaluator.WithHolm) and the estimate is at least half the margin (nearer a drop that matters than no
/// drop); INCONCLUSIVE otherwise, saying what would decide it for this rule. A slice too small to decide is
/// reported but never fails, and only the whole set can make the verdict inconclusive.
/// </summary>
internal sealed class MaxPassRateDropRule : IGateRule
{
    public string Name => "max-pass-rate-drop";

    public IEnumerable<GateFinding> Judge(SliceView slice, GateOptions options)
    {
        if (options.MaxPassRateDrop is not { } margin || slice.Summary.Cases == 0) yield break;
        var drop = slice.Summary.Drop;
        var worse = slice.Cases
            .Where(c => c.Comparable && (double)c.CandidatePasses / c.CandidateTrials < (double)c.BaselinePasses / c.BaselineTrials)
            .Select(c => c.Id)
            .ToList();
        var level = FigureText.Percent(1 - slice.Alpha);
        var figures = $"{FigureText.Percent(drop.MeanDrop)} mean per-case drop over {drop.Cases} cases " +
                      $"({FigureText.Percent(slice.Summary.BaselinePassRate.Estimate)} → {FigureText.Percent(slice.Summary.CandidatePassRate.Estimate)} of judged trials)";

        if (drop.Cases < 2 || double.IsNaN(drop.UpperBound))
        {
            var would = $"at least 2 cases (this slice has {drop.Cases})";
            yield return Inconclusive(slice, $"{figures}: too few cases to bound; need {would}", drop, margin, worse, would);
            yield break;
        }
        if (drop.UpperBound < margin)
        {
            if (!slice.IsOverall) yield break;
            yield return new GateFinding(Name, slice.Name, FindingSeverity.Info,
                $"{figures}; {level} upper bound {FigureText.Percent(drop.UpperBound)} < margin {FigureText.Percent(margin)}: not worse by a drop that matters",
                drop.UpperBound, margin, worse)
            { Evidence = new RuleEvidence(GateOutcome.Pass, drop.MeanDrop, drop.UpperBound, $"upper {level}", margin, null) };
            yield break;
        }
        if (slice.CanFail && slice.AdjustedPValue <= slice.Alpha && drop.MeanDrop >= margin / 2)
        {
            yield return new GateFinding(Name, slice.Name, FindingSeverity.Fail,
                $"pass rate dropped: {figures}; {level} lower bound {FigureText.Percent(drop.LowerBound)} > 0 " +
                $"(p = {FigureText.Number(drop.PValue, "0.####")}, adjusted for {(slice.IsOverall ? "the slices" : "the whole set and the other slices")} {FigureText.Number(slice.AdjustedPValue, "0.####")}); margin {FigureText.Percent(margin)}",
                drop.MeanDrop, margin, worse)
            { Evidence = new RuleEvidence(GateOutcome.Fail, drop.MeanDrop, drop.LowerBound, $"lower {level}", margin, null) };
            yield break;
        }
        var wouldDecide = WouldDecide(slice, drop, margin);
        var why = !slice.CanFail && drop.LowerBound > 0
            ? $"{figures}; the slice is too small to fail the gate alone ({slice.Cases.Count} cases)"
            : $"{figures}; {level} upper bound {FigureText.Percent(drop.UpperBound)} ≥ margin {FigureText.Percent(margin)}, and no drop that matters is shown";
        yield return Inconclusive(slice, $"{why}; would decide: {wouldDecide}", drop, margin, worse, wouldDecide);
    }

    /// <summary>Within the whole set, an undecided drop blocks a pass; on a slice it is reported only.</summary>
    private GateFinding Inconclusive(SliceView slice, string message, PairedDifference drop, double margin, IReadOnlyList<string> worse, string wouldDecide) =>
        new(Name, slice.Name, slice.IsOverall ? FindingSeverity.Inconclusive : FindingSeverity.Info, message, drop.UpperBound, margin, worse)
        {
            Evidence = new RuleEvidence(GateOutcome.Inconclusive, drop.MeanDrop, drop.UpperBound, $"upper {FigureText.Percent(1 - slice.Alpha)}", margin, wouldDecide),
        };

    /// <summary>
    /// What would decide this rule, for this rule: the cases that put the upper bound below the margin (when the
    /// estimate leans to a pass) or the lower bound above zero (when it leans to a fail), at the spread seen,
    /// and the varying cases whose extra trials shrink that spread.
    /// </summary>
    private static string WouldDecide(SliceView slice, PairedDifference drop, double margin)
    {
        var sd = drop.PerCaseStandardDeviation ?? double.NaN;
        var leansPass = drop.MeanDrop < margin / 2;
        var gap = leansPass ? margin - Math.Max(0, drop.MeanDrop) : drop.MeanDrop;
        var needed = CasesNeeded(sd, gap, slice.Alpha);
        var varying = slice.Cases.Where(ExtraTrialPlanner.Varies).Select(c => c.Id).ToList();
        var parts = new List<string>();
        if (needed is { } n && n > drop.Cases)
            parts.Add($"about {n} cases at k={slice.K} to show {(leansPass ? $"a drop below {FigureText.Percent(margin)}" : "the drop")} if the estimate holds");
        if (varying.Count > 0)
        {
            var named = string.Join(", ", varying.Take(5)) + (varying.Count > 5 ? $" (+{varying.Count - 5})" : "");
            parts.Add($"extra trials on the {varying.Count} case(s) whose outcomes vary ({named}), or a larger k");
        }
        if (parts.Count == 0) parts.Add($"more cases or a larger k (k={slice.K} now)");
        return string.Join("; or ", parts);
    }

    private static int? CasesNeeded(double sd, double gap, double alpha)
    {
        if (double.IsNaN(sd) || sd <= 0 || gap <= 0) return null;
        // n with t(n−1)·sd/√n ≤ gap; start from the normal answer and walk up while the t quantile is wider.
        var n = Math.Max(2, (int)Math.Ceiling(Math.Pow(PairedComparison.Quantile(1000, alpha) * sd / gap, 2)));
        while (n < 100_000 && PairedComparison.Quantile(n, alpha) * sd / Math.Sqrt(n) > gap) n++;
        return n;
    }
}
