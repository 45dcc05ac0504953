using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Shadowing;

/// <summary>Wins, ties and losses of the candidate over the judged inputs, with Wilson intervals on the win and loss rates.</summary>
/// <param name="Failed">Inputs the judge gave no verdict on: left out of the rates, reported.</param>
public sealed record JudgeTally(int Wins, int Ties, int Losses, int Failed, ProportionInterval WinRate, ProportionInterval LossRate, double MeanPositionGap)
{
    public int Judged => Wins + Ties + Losses;

    /// <param name="confidence">Two-sided confidence of the intervals (1 − 2α gives one-sided α bounds).</param>
    public static JudgeTally Of(IEnumerable<PairwiseJudgement> judgements, double confidence)
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
