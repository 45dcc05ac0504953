using MathNet.Numerics.Distributions;

namespace AgentOps.Evals.Statistics;

/// <summary>
/// The paired comparison of per-case pass fractions. Trials of one case are correlated (same input, same
/// difficulty), so the case is the independent unit: the standard error is that of the mean of per-case
/// differences (cluster-robust, cases as clusters), with a Student-t quantile on n − 1 degrees of freedom
/// because gates and slices often have few cases. A spread estimated from a handful of cases can be zero
/// (every case went 3/3 on both sides), which would claim certainty no k-trial design has; so the variance
/// estimate gets one pseudo-case at the binomial floor, s²_used = ((n − 1)s² + f²)/n, where f² is the
/// variance the trials alone would show if every case had the mean pass rate, smoothed by one pass and one
/// failure (Laplace): p̃(1 − p̃)(1/n_b + 1/n_c) averaged over cases. With many cases the observed spread
/// decides; with a handful that agreed, the floor keeps the bound honest.
/// </summary>
internal static class PairedComparison
{
    /// <summary>The paired difference of <paramref name="cases"/>; no cases gives NaN estimates and p-value 1.</summary>
    /// <param name="cases">Each case's baseline and candidate pass counts.</param>
    /// <param name="alpha">One-sided error rate of each bound.</param>
    public static PairedDifference Compute(IReadOnlyList<CaseCounts> cases, double alpha = 0.05)
    {
        var n = cases.Count;
        if (n == 0) return new PairedDifference(0, double.NaN, double.NaN, double.NaN, double.NaN, 1, null, false, alpha);

        var drops = cases.Select(c => c.Drop).ToArray();
        var mean = drops.Average();
        if (n < 2) return new PairedDifference(1, mean, double.NaN, double.NaN, double.NaN, 1, null, false, alpha);

        var observed = Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / (n - 1));
        var floor = BinomialFloor(cases);
        var sd = Math.Sqrt(((n - 1) * observed * observed + floor * floor) / n);
        var se = sd / Math.Sqrt(n);
        var t = StudentT.InvCDF(0, 1, n - 1, 1 - alpha);
        var pValue = 1 - StudentT.CDF(0, 1, n - 1, mean / se);
        return new PairedDifference(n, mean, se, mean - t * se, mean + t * se, pValue, sd, sd > observed, alpha);
    }

    /// <summary>The per-case spread of drops binomial sampling alone would give at the mean (per-case), Laplace-smoothed pass rate.</summary>
    public static double BinomialFloor(IReadOnlyList<CaseCounts> cases)
    {
        // The mean over cases, not over trials: extra trials on flaky cases must not drag the rate every case is floored at.
        var mean = cases.Average(c => ((double)c.BaselinePasses / c.BaselineTrials + (double)c.CandidatePasses / c.CandidateTrials) / 2);
        var trials = cases.Sum(c => c.BaselineTrials + c.CandidateTrials);
        var p = (mean * trials + 1.0) / (trials + 2.0);
        var variance = cases.Average(c => p * (1 - p) * (1.0 / c.BaselineTrials + 1.0 / c.CandidateTrials));
        return Math.Sqrt(variance);
    }

    /// <summary>The t quantile the bounds use for <paramref name="cases"/> cases at one-sided level <paramref name="alpha"/>.</summary>
    public static double Quantile(int cases, double alpha) => StudentT.InvCDF(0, 1, Math.Max(1, cases - 1), 1 - alpha);
}
