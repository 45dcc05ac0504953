using MathNet.Numerics.Distributions;

namespace AgentOps.Evals.Statistics;

/// <summary>
/// The paired comparison of trial pass fractions. Trials of one case are correlated (same input, same
/// difficulty), so the case, not the trial, is the independent unit: the standard error is that of the
/// mean of per-case differences, which is the cluster-robust standard error with cases as clusters.
/// </summary>
internal static class PairedComparison
{
    /// <param name="fractions">Per case: (baseline pass fraction, candidate pass fraction).</param>
    /// <param name="alpha">One-sided error rate of each bound.</param>
    public static PairedDifference Compute(IReadOnlyList<(double Baseline, double Candidate)> fractions, double alpha = 0.05, double power = 0.8)
    {
        var n = fractions.Count;
        if (n == 0) return new PairedDifference(0, double.NaN, double.NaN, double.NaN, double.NaN, double.PositiveInfinity, null);

        var drops = fractions.Select(f => f.Baseline - f.Candidate).ToArray();
        var mean = drops.Average();
        if (n < 2) return new PairedDifference(1, mean, double.NaN, double.NaN, double.NaN, double.PositiveInfinity, null);

        var variance = drops.Sum(d => (d - mean) * (d - mean)) / (n - 1);
        var sd = Math.Sqrt(variance);
        var se = sd / Math.Sqrt(n);
        var z = Normal.InvCDF(0, 1, 1 - alpha);
        return new PairedDifference(n, mean, se, mean - z * se, mean + z * se, PowerAnalysis.DetectableDrop(se, alpha, power), sd);
    }
}
