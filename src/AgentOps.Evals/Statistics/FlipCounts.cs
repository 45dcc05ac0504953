namespace AgentOps.Evals.Statistics;

/// <summary>The case ids that flipped each way and the exact McNemar p-value.</summary>
internal sealed record FlipCounts(IReadOnlyList<string> Regressions, IReadOnlyList<string> Improvements, double McNemarPValue);
