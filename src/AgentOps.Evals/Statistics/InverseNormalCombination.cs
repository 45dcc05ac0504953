using MathNet.Numerics.Distributions;

namespace AgentOps.Evals.Statistics;

/// <summary>
/// Combines the one-sided p-values of two stages of one test into one: z = w₁·Φ⁻¹(1 − p₁) + w₂·Φ⁻¹(1 − p₂) with
/// w₁² + w₂² = 1 fixed in advance, p = 1 − Φ(z). Valid when the second stage was run *because of* what the first
/// showed (an adaptive design): given the first stage, p₂ comes from fresh trials and is (super-)uniform under
/// "no change", so z is no larger than a standard normal whatever chose the second stage. Pooling the two stages
/// into one Fisher test is not valid there: the first stage was picked for looking worse, and its trials would
/// count twice (once to pick the case, once as evidence).
/// </summary>
internal static class InverseNormalCombination
{
    /// <summary>w₁² (the first stage's share): k base trials against 3k extra ones, so ¼, fixed before any trial is seen.</summary>
    public const double FirstStageShare = 0.25;

    public static double Combine(double firstStage, double secondStage, double firstStageShare = FirstStageShare)
    {
        var z = Math.Sqrt(firstStageShare) * Z(firstStage) + Math.Sqrt(1 - firstStageShare) * Z(secondStage);
        return 1 - Normal.CDF(0, 1, z);
    }

    // Clamped so a p-value of exactly 0 or 1 (possible for discrete exact tests) stays finite.
    private static double Z(double p) => Normal.InvCDF(0, 1, 1 - Math.Clamp(p, 1e-15, 1 - 1e-15));
}
