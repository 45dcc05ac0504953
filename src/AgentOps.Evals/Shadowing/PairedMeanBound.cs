using AgentOps.Evals.Statistics;
using MathNet.Numerics.Distributions;

namespace AgentOps.Evals.Shadowing;

/// <summary>
/// One-sided Student-t bounds on the mean of per-input paired values (a log cost ratio, an excess divergence), the input
/// being the independent unit as the case is in the gate's <see cref="PairedComparison"/>; the t quantile is the gate's.
/// </summary>
internal sealed record PairedMeanBound(int Inputs, double Mean, double StandardError, double Lower, double Upper, double Alpha)
{
    public static PairedMeanBound Of(IReadOnlyList<double> values, double alpha)
    {
        var n = values.Count;
        if (n == 0) return new PairedMeanBound(0, double.NaN, double.NaN, double.NaN, double.NaN, alpha);
        var mean = values.Average();
        if (n < 2) return new PairedMeanBound(1, mean, double.NaN, double.NaN, double.NaN, alpha);
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        var se = sd / Math.Sqrt(n);
        var t = PairedComparison.Quantile(n, alpha);
        return new PairedMeanBound(n, mean, se, mean - t * se, mean + t * se, alpha);
    }

    /// <summary>One-sided p-value of H0 "mean ≤ limit" (so a small value says the limit is broken).</summary>
    public double PAbove(double limit)
    {
        if (Inputs < 2) return 1;
        if (StandardError == 0) return Mean > limit ? 0 : 1;
        return 1 - StudentT.CDF(0, 1, Inputs - 1, (Mean - limit) / StandardError);
    }

    /// <summary>One-sided p-value of H0 "mean ≥ limit" (so a small value says a least-allowed limit is broken).</summary>
    public double PBelow(double limit)
    {
        if (Inputs < 2) return 1;
        if (StandardError == 0) return Mean < limit ? 0 : 1;
        return StudentT.CDF(0, 1, Inputs - 1, (Mean - limit) / StandardError);
    }
}
