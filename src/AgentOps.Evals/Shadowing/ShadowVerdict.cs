using AgentOps.Evals.Gating;

namespace AgentOps.Evals.Shadowing;

/// <summary>The shadow comparison's verdict: the worst slice decides; the outcome's value is the exit code (0 pass, 1 fail, 3 inconclusive).</summary>
public sealed record ShadowVerdict(GateOutcome Outcome, IReadOnlyList<ShadowSliceVerdict> Slices, double Alpha, IReadOnlyList<string> RulesOff);
