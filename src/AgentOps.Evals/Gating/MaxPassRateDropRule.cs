using AgentOps.Evals.Config;
using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Gating;

/// <summary>
/// The candidate may not lose more than the threshold of the baseline's pass rate. Fails only when the
/// one-sided 95% lower bound of the paired drop exceeds the threshold, so noise alone rarely fails it; and
/// because a bound that wide also lets real drops through, the rule is inconclusive, not a pass, when the
/// design cannot detect a drop of the threshold's size with 80% power. On a slice a lack of power is only
/// reported: small slices are the rule, and the whole set already carries the verdict.
/// </summary>
internal sealed class MaxPassRateDropRule : IGateRule
{
    public string Name => "max-pass-rate-drop";

    public IEnumerable<GateFinding> Judge(SliceView slice, GateOptions options)
    {
        if (options.MaxPassRateDrop is not { } threshold || slice.Summary.Cases == 0) yield break;
        var drop = slice.Summary.Drop;
        var worse = slice.Cases
            .Where(c => c.Comparable && (double)c.CandidatePasses / c.CandidateTrials < (double)c.BaselinePasses / c.BaselineTrials)
            .Select(c => c.Id)
            .ToList();

        if (drop.LowerBound > threshold)
        {
            yield return new GateFinding(Name, slice.Name, FindingSeverity.Fail,
                $"pass rate dropped {FigureText.Percent(drop.MeanDrop)} (95% lower bound {FigureText.Percent(drop.LowerBound)}) " +
                $"from {FigureText.Percent(slice.Summary.BaselinePassRate.Estimate)} to {FigureText.Percent(slice.Summary.CandidatePassRate.Estimate)}; " +
                $"allowed {FigureText.Percent(threshold)}",
                drop.LowerBound, threshold, worse);
        }
        else if (drop.DetectableDrop > threshold)
        {
            var needed = PowerAnalysis.CasesNeeded(threshold, drop.PerCaseStandardDeviation);
            var detectable = double.IsPositiveInfinity(drop.DetectableDrop)
                ? "too few cases to estimate noise"
                : $"smallest detectable drop ≈ {FigureText.Percent(drop.DetectableDrop)}";
            var need = needed is { } n ? $"need about {n} cases" : "need more cases";
            yield return new GateFinding(Name, slice.Name, slice.IsOverall ? FindingSeverity.Inconclusive : FindingSeverity.Info,
                $"{drop.Cases} cases × {slice.K} trials cannot show a {FigureText.Points(threshold)} drop ({detectable}); {need}",
                drop.LowerBound, threshold, worse);
        }
    }
}
