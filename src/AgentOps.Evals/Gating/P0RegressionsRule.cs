using AgentOps.Evals.Config;

namespace AgentOps.Evals.Gating;

/// <summary>
/// P0 cases must not regress (majority pass → majority fail). Judged on the whole set only: the same P0
/// case would otherwise fail the gate once per slice it sits in; the slice table still counts them.
/// </summary>
internal sealed class P0RegressionsRule : IGateRule
{
    public string Name => "p0-regressions";

    public IEnumerable<GateFinding> Judge(SliceView slice, GateOptions options)
    {
        if (options.P0Regressions is not { } allowed || !slice.IsOverall) yield break;
        var regressed = slice.Cases.Where(c => c.Flip == CaseFlip.Regression && SliceFigures.IsP0(c)).Select(c => c.Id).ToList();
        if (regressed.Count > allowed)
        {
            yield return new GateFinding(Name, slice.Name, FindingSeverity.Fail,
                $"{regressed.Count} P0 case(s) regressed (allowed {allowed}): {string.Join(", ", regressed)}",
                regressed.Count, allowed, regressed);
        }
    }
}
