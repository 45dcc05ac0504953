namespace AgentOps.Evals.Statistics;

/// <summary>
/// The one percentile definition of every report (run table, gate JSON, HTML, Markdown): nearest rank, the
/// smallest observed value with at least q of the values at or below it (no interpolation), so a printed p95
/// is always a latency some trial really had, and the same trials give the same p95 everywhere.
/// </summary>
public static class Percentile
{
    /// <summary>The nearest-rank <paramref name="q"/>-quantile (0 &lt; q ≤ 1) of <paramref name="values"/>; null when there are none.</summary>
    public static double? NearestRank(IEnumerable<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(q);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var rank = (int)Math.Ceiling(q * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
