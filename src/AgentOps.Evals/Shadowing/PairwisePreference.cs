namespace AgentOps.Evals.Shadowing;

/// <summary>The judge's pairwise call on one input, seen from the candidate: it won, tied or lost against the baseline.</summary>
public enum PairwisePreference
{
    /// <summary>The baseline's answer was preferred (mean preference below −0.25).</summary>
    Loss = -1,
    /// <summary>Neither was preferred (mean preference within ±0.25).</summary>
    Tie = 0,
    /// <summary>The candidate's answer was preferred (mean preference above 0.25).</summary>
    Win = 1,
}
