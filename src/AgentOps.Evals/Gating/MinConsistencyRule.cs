using AgentOps.Evals.Config;

namespace AgentOps.Evals.Gating;

/// <summary>The candidate's outputs must agree across trials: mean per-case agreement (normalized exact match, else edit similarity) at least the threshold.</summary>
internal sealed class MinConsistencyRule : IGateRule
{
    public string Name => "min-consistency";

    public IEnumerable<GateFinding> Judge(SliceView slice, GateOptions options)
    {
        if (options.MinConsistency is not { } threshold || slice.Summary.Cases == 0) yield break;
        var figure = slice.Summary.CandidateConsistency;
        if (figure < threshold)
        {
            var below = slice.Cases.Where(c => c.Comparable && c.CandidateAgreement.MeanSimilarity < threshold).Select(c => c.Id).ToList();
            yield return new GateFinding(Name, slice.Name, FindingSeverity.Fail,
                $"output agreement {FigureText.Percent(figure)} is below {FigureText.Percent(threshold)} ({below.Count} case(s) below, {slice.Summary.FlakyCases} flaky)",
                figure, threshold, below);
        }
    }
}
