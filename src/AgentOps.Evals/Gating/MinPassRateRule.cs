using AgentOps.Evals.Config;

namespace AgentOps.Evals.Gating;

/// <summary>
/// The candidate's pass rate over judged trials must reach the threshold. Judged on the point estimate (the
/// Wilson interval is reported beside it): this is an absolute floor the team chose, not a comparison, and
/// judging it on a bound would fail every small slice of a healthy set.
/// </summary>
internal sealed class MinPassRateRule : IGateRule
{
    public string Name => "min-pass-rate";

    public IEnumerable<GateFinding> Judge(SliceView slice, GateOptions options)
    {
        if (options.MinPassRate is not { } threshold || slice.Summary.CandidatePassRate.Trials == 0) yield break;
        var rate = slice.Summary.CandidatePassRate;
        if (rate.Estimate < threshold)
        {
            var failing = slice.Cases.Where(c => c.Comparable && !c.CandidateMajorityPassed).Select(c => c.Id).ToList();
            yield return new GateFinding(Name, slice.Name, FindingSeverity.Fail,
                $"pass rate {FigureText.Percent(rate.Estimate)} (95% CI {FigureText.Percent(rate.Lower)}–{FigureText.Percent(rate.Upper)}, " +
                $"{rate.Successes}/{rate.Trials} trials) is below {FigureText.Percent(threshold)}",
                rate.Estimate, threshold, failing);
        }
    }
}
