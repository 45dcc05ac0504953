using MathNet.Numerics.Distributions;

namespace AgentOps.Evals.Statistics;

/// <summary>
/// The exact (binomial) McNemar test: under no change, each discordant pair is a regression or an
/// improvement with probability ½, so the two-sided p-value is twice the smaller binomial tail, capped at 1.
/// Exact rather than χ² because a gate usually sees a handful of flips, where the χ² approximation is poor.
/// </summary>
internal static class McNemarTest
{
    public static double ExactPValue(int regressions, int improvements)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(regressions);
        ArgumentOutOfRangeException.ThrowIfNegative(improvements);
        var discordant = regressions + improvements;
        if (discordant == 0) return 1;
        var smaller = Math.Min(regressions, improvements);
        return Math.Min(1, 2 * Binomial.CDF(0.5, discordant, smaller));
    }
}
