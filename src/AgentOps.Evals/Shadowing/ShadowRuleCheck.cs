using AgentOps.Evals.Gating;

namespace AgentOps.Evals.Shadowing;

/// <summary>One shadow rule on one slice: the estimate, its one-sided bounds, the limit, the p-value of "the limit is broken" before
/// and after Holm over the slices, and the three-way decision.</summary>
/// <param name="Estimate">In the rule's unit: a ratio, a divergence, a rate.</param>
/// <param name="PValue">One-sided p-value of H0 "the candidate keeps the limit"; a FAIL needs the Holm-adjusted value ≤ α.</param>
/// <param name="WouldDecide">For an inconclusive decision: what evidence would decide it.</param>
public sealed record ShadowRuleCheck(
    string Rule,
    string Slice,
    int Inputs,
    double? Estimate,
    double? Lower,
    double? Upper,
    double Limit,
    double PValue,
    double AdjustedPValue,
    GateOutcome Decision,
    string? WouldDecide);
