namespace AgentOps.Evals.Gating;

/// <summary>Cases whose majority outcome flipped, with the exact McNemar p-value on the flips.</summary>
public sealed record FlipSummary(IReadOnlyList<string> Regressions, IReadOnlyList<string> Improvements, double McNemarPValue);
