using AgentOps.Evals.Gating;

namespace AgentOps.Evals.Shadowing;

/// <summary>One shadow rule on one slice: the estimate, its one-sided bounds, the limit, the p-value of "the limit is broken" before
/// and after Holm over the slices, and the three-way decision.</summary>
/// <param name="Rule">The <c>shadow:</c> rule's config key, e.g. <c>max-cost-ratio</c>.</param>
/// <param name="Slice"><c>all</c> for the whole sample, else the slice's name.</param>
/// <param name="Inputs">Compared inputs the estimate rests on.</param>
/// <param name="Estimate">In the rule's unit: a ratio, a divergence, a rate.</param>
/// <param name="Lower">Lower one-sided bound of the estimate at α.</param>
/// <param name="Upper">Upper one-sided bound of the estimate at α.</param>
/// <param name="Limit">The configured limit, in the estimate's unit.</param>
/// <param name="PValue">One-sided p-value of H0 "the candidate keeps the limit"; a FAIL needs the Holm-adjusted value ≤ α.</param>
/// <param name="AdjustedPValue"><paramref name="PValue"/> after Holm over the slices (unadjusted on <c>all</c>).</param>
/// <param name="Decision">Pass when the bound clears the limit, fail when the breach is significant, else inconclusive.</param>
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
