using AgentOps.Evals.Config;

namespace AgentOps.Evals.Gating;

/// <summary>Candidate cost per passing trial ÷ the baseline's may not exceed the threshold; without a baseline cost the rule says so and stands aside.</summary>
internal sealed class MaxCostRatioRule : IGateRule
{
    public string Name => "max-cost-ratio";

    public IEnumerable<GateFinding> Judge(SliceView slice, GateOptions options)
    {
        if (options.MaxCostRatio is not { } threshold || slice.Summary.Cases == 0) yield break;
        var cost = slice.Summary.Cost;
        if (cost.Ratio is not { } ratio)
        {
            if (slice.IsOverall && cost.CandidateCostUsd > 0)
            {
                yield return new GateFinding(Name, slice.Name, FindingSeverity.Info,
                    "baseline has no cost per success to compare with (no recorded cost or no passing trial)", null, threshold, []);
            }
            yield break;
        }
        if (double.IsPositiveInfinity(ratio))
        {
            yield return new GateFinding(Name, slice.Name, FindingSeverity.Fail,
                $"candidate spent ${FigureText.Number((double)cost.CandidateCostUsd, "0.######")} without a single passing trial; allowed {FigureText.Number(threshold)}× the baseline's cost per success",
                null, threshold, []);
        }
        else if (ratio > threshold)
        {
            yield return new GateFinding(Name, slice.Name, FindingSeverity.Fail,
                $"cost per success is {FigureText.Number(ratio)}× the baseline's " +
                $"(${FigureText.Number((double)(cost.CandidateCostPerSuccessUsd ?? 0), "0.######")} vs ${FigureText.Number((double)(cost.BaselineCostPerSuccessUsd ?? 0), "0.######")}); allowed {FigureText.Number(threshold)}×",
                ratio, threshold, []);
        }
    }
}
