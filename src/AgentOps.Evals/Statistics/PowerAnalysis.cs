using MathNet.Numerics.Distributions;

namespace AgentOps.Evals.Statistics;

/// <summary>
/// How small a drop a paired design can see. With a one-sided test at level α and the wanted power 1 − β,
/// the minimum detectable effect is (z₁₋α + z₁₋β) × SE, and the cases needed for an effect δ are
/// ((z₁₋α + z₁₋β) × σ / δ)², σ being the per-case standard deviation of the difference.
/// </summary>
internal static class PowerAnalysis
{
    public static double DetectableDrop(double standardError, double alpha = 0.05, double power = 0.8) =>
        double.IsNaN(standardError) ? double.PositiveInfinity : Multiplier(alpha, power) * standardError;

    /// <summary>Cases needed to detect <paramref name="drop"/>; null when the spread is unknown or zero.</summary>
    public static int? CasesNeeded(double drop, double? perCaseStandardDeviation, double alpha = 0.05, double power = 0.8)
    {
        if (perCaseStandardDeviation is not { } sd || sd <= 0 || drop <= 0) return null;
        var needed = Math.Pow(Multiplier(alpha, power) * sd / drop, 2);
        return (int)Math.Min(int.MaxValue, Math.Ceiling(needed));
    }

    private static double Multiplier(double alpha, double power) =>
        Normal.InvCDF(0, 1, 1 - alpha) + Normal.InvCDF(0, 1, power);
}
