using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Shadowing;

/// <summary>Wins, ties and losses of the candidate over the judged inputs, with Wilson intervals on the win and loss rates.</summary>
/// <param name="Wins">Inputs where the candidate's answer was preferred.</param>
/// <param name="Ties">Inputs where neither answer was preferred (preference within ±0.25).</param>
/// <param name="Losses">Inputs where the baseline's answer was preferred.</param>
/// <param name="Failed">Inputs the judge gave no verdict on: left out of the rates, reported.</param>
/// <param name="WinRate">Wins ÷ judged inputs, with its Wilson interval.</param>
/// <param name="LossRate">Losses ÷ judged inputs, with its Wilson interval.</param>
/// <param name="MeanPositionGap">Mean disagreement between the two answer orders (0 consistent, 2 the judge follows position).</param>
public sealed record JudgeTally(int Wins, int Ties, int Losses, int Failed, ProportionInterval WinRate, ProportionInterval LossRate, double MeanPositionGap)
{
    /// <summary>Inputs the judge gave a verdict on: wins + ties + losses.</summary>
    public int Judged => Wins + Ties + Losses;

    /// <summary>Tallies <paramref name="judgements"/>; failed ones count in <see cref="Failed"/> only.</summary>
    /// <param name="judgements">One pairwise judgement per input.</param>
    /// <param name="confidence">Two-sided confidence of the intervals (1 − 2α gives one-sided α bounds).</param>
    internal static JudgeTally Of(IEnumerable<PairwiseJudgement> judgements, double confidence)
    {
        var list = judgements.ToList();
        var judged = list.Where(j => j.Outcome is not null).ToList();
        var wins = judged.Count(j => j.Outcome == PairwisePreference.Win);
        var losses = judged.Count(j => j.Outcome == PairwisePreference.Loss);
        var gaps = judged.Select(j => j.PositionGap).Where(g => !double.IsNaN(g)).ToList();
        return new JudgeTally(wins, judged.Count - wins - losses, losses, list.Count - judged.Count,
            WilsonInterval.Compute(wins, judged.Count, confidence), WilsonInterval.Compute(losses, judged.Count, confidence),
            gaps.Count == 0 ? double.NaN : gaps.Average());
    }
}
