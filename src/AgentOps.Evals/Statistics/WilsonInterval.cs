using MathNet.Numerics.Distributions;

namespace AgentOps.Evals.Statistics;

/// <summary>
/// The Wilson score interval for a binomial proportion. Chosen over the normal (Wald) interval because it
/// stays inside [0, 1] and keeps its coverage at pass rates near 1, which is where a healthy golden set lives.
/// </summary>
internal static class WilsonInterval
{
    public static ProportionInterval Compute(int successes, int trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (trials == 0) return new ProportionInterval(0, 0, double.NaN, 0, 1);

        var z = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var halfWidth = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // Rounding can push the bounds a hair past p̂ at 0 and 1; the exact interval always contains p̂.
        var lower = Math.Min(p, Math.Max(0, centre - halfWidth));
        var upper = Math.Max(p, Math.Min(1, centre + halfWidth));
        return new ProportionInterval(successes, trials, p, lower, upper);
    }
}
