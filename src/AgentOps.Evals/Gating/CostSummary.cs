namespace AgentOps.Evals.Gating;

/// <summary>Candidate spend against baseline spend, per passing trial (cost per success), judge spend excluded.</summary>
/// <param name="Ratio">Candidate cost per success ÷ baseline's; null when the baseline has no cost or no success to divide by.</param>
public sealed record CostSummary(
    decimal BaselineCostUsd,
    decimal CandidateCostUsd,
    int BaselinePassedTrials,
    int CandidatePassedTrials,
    decimal? BaselineCostPerSuccessUsd,
    decimal? CandidateCostPerSuccessUsd,
    double? Ratio);
