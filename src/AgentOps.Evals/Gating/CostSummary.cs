namespace AgentOps.Evals.Gating;

/// <summary>Candidate spend against baseline spend, per passing trial (cost per success), judge spend excluded.</summary>
/// <param name="BaselineCostUsd">The baseline's model spend on the slice's trials (judge spend excluded).</param>
/// <param name="CandidateCostUsd">The candidate's model spend on the slice's trials (judge spend excluded).</param>
/// <param name="BaselinePassedTrials">Baseline trials that passed, the divisor of its cost per success.</param>
/// <param name="CandidatePassedTrials">Candidate trials that passed, the divisor of its cost per success.</param>
/// <param name="BaselineCostPerSuccessUsd">Baseline cost ÷ passed trials; null when none passed.</param>
/// <param name="CandidateCostPerSuccessUsd">Candidate cost ÷ passed trials; null when none passed.</param>
/// <param name="Ratio">Candidate cost per success ÷ baseline's; null when the baseline has no cost or no success to divide by.</param>
public sealed record CostSummary(
    decimal BaselineCostUsd,
    decimal CandidateCostUsd,
    int BaselinePassedTrials,
    int CandidatePassedTrials,
    decimal? BaselineCostPerSuccessUsd,
    decimal? CandidateCostPerSuccessUsd,
    double? Ratio);
