using AgentOps.Evals.Gating;

namespace AgentOps.Evals.Shadowing;

/// <summary>The verdict on one slice (<c>all</c>, or <c>tier:enterprise</c>…): the worst of its rules' decisions.</summary>
public sealed record ShadowSliceVerdict(string Slice, int Inputs, GateOutcome Outcome, IReadOnlyList<ShadowRuleCheck> Checks, JudgeTally? Judge);
