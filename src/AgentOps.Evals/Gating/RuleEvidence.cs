namespace AgentOps.Evals.Gating;

/// <summary>Why a rule decided as it did: the estimate, the bound it was judged on, the margin, and what would decide it.</summary>
/// <param name="Decision">The rule's own decision on this slice: pass, fail or inconclusive.</param>
/// <param name="Estimate">The point estimate (e.g. the mean per-case drop), in the rule's unit.</param>
/// <param name="Bound">The bound the decision used (the upper bound for a pass, the lower bound for a fail).</param>
/// <param name="BoundKind">Which bound and at what level, e.g. <c>upper 95%</c>, <c>lower 98.3% (Holm)</c>.</param>
/// <param name="Margin">The threshold the rule holds the slice to (for the drop rule, <c>gate.max-pass-rate-drop</c>).</param>
/// <param name="WouldDecide">For an inconclusive decision: the evidence that would decide it (more cases, trials, extra trials on named cases, a resume command).</param>
public sealed record RuleEvidence(
    GateOutcome Decision,
    double? Estimate,
    double? Bound,
    string? BoundKind,
    double? Margin,
    string? WouldDecide);
