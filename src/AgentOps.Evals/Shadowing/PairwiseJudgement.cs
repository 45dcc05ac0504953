namespace AgentOps.Evals.Shadowing;

/// <summary>
/// The judge asked twice with the answers in both orders. Each score is on 1..5 where 1 = the first answer (A) is clearly
/// better, 3 = as good, 5 = the second (B) clearly better. Averaging the candidate's side over both orders cancels a
/// judge's lean toward a position: a judge that always prefers A gives a tie, not a win.
/// </summary>
/// <param name="CandidateSecondScore">Score with A = baseline, B = candidate.</param>
/// <param name="CandidateFirstScore">Score with A = candidate, B = baseline.</param>
/// <param name="Preference">The candidate's mean preference over both orders, −1 (baseline clearly better) to +1.</param>
/// <param name="Error">Why there is no judgement (the judge failed or could not be read): counted apart, never as a tie.</param>
/// <param name="Outcome">Win, tie or loss for the candidate; null when the judgement failed.</param>
/// <param name="CandidateSecondReason">The judge's reason with the candidate's answer second.</param>
/// <param name="CandidateFirstReason">The judge's reason with the candidate's answer first.</param>
public sealed record PairwiseJudgement(
    double? CandidateSecondScore,
    double? CandidateFirstScore,
    double Preference,
    PairwisePreference? Outcome,
    string CandidateSecondReason,
    string CandidateFirstReason,
    string? Error = null)
{
    /// <summary>How far the two orders disagree about the candidate (0 = consistent, 2 = opposite: the judge follows position).</summary>
    public double PositionGap => CandidateSecondScore is { } s && CandidateFirstScore is { } f ? Math.Abs((s - 3) / 2 - (3 - f) / 2) : double.NaN;

    /// <summary>Combines the two orders' scores; a preference within ±0.25 (less than one step in one order) is a tie.</summary>
    public static PairwiseJudgement From(double candidateSecond, double candidateFirst, string secondReason, string firstReason)
    {
        var preference = ((candidateSecond - 3) / 2 + (3 - candidateFirst) / 2) / 2;
        var outcome = preference > 0.25 ? PairwisePreference.Win : preference < -0.25 ? PairwisePreference.Loss : PairwisePreference.Tie;
        return new PairwiseJudgement(candidateSecond, candidateFirst, preference, outcome, secondReason, firstReason);
    }

    /// <summary>A judgement that could not be made, for <paramref name="error"/>; counted apart, never as a tie.</summary>
    internal static PairwiseJudgement Failed(string error) => new(null, null, 0, null, "", "", error);
}
