namespace AgentOps.Evals.Statistics;

/// <summary>
/// Bonferroni for discrete tests with Tarone's refinement: a test whose smallest achievable p-value (given its
/// margins) exceeds α/K can never reject, so it does not count toward K. K is the smallest number such that at
/// most K tests can reach α/K; each of those is tested at α/K (adjusted p = K·p), the others never reject.
/// Family-wise error stays at α. For P0 cases this matters: a P0 case that went 3/3 on both sides cannot show a
/// regression however many P0 cases the set holds, so fifty steady P0 cases do not make the one that flipped
/// 3/3 → 0/3 unprovable, while twenty flaky ones still cannot each spend a full α.
/// </summary>
internal static class TaroneAdjustment
{
    /// <returns>Adjusted p-values: reject where the adjusted value is at most <paramref name="alpha"/>.</returns>
    public static double[] Adjust(IReadOnlyList<double> pValues, IReadOnlyList<double> minimumPValues, double alpha)
    {
        var m = pValues.Count;
        var k = Math.Max(1, m);
        for (var candidate = 1; candidate <= m; candidate++)
        {
            if (minimumPValues.Count(p => p <= alpha / candidate) <= candidate) { k = candidate; break; }
        }
        var adjusted = new double[m];
        for (var i = 0; i < m; i++)
            adjusted[i] = minimumPValues[i] <= alpha / k ? Math.Min(1, k * pValues[i]) : 1;
        return adjusted;
    }

    /// <summary>K for the given tests (how many can still reject), for the report.</summary>
    public static int Testable(IReadOnlyList<double> minimumPValues, double alpha)
    {
        for (var candidate = 1; candidate <= minimumPValues.Count; candidate++)
            if (minimumPValues.Count(p => p <= alpha / candidate) <= candidate) return candidate;
        return Math.Max(1, minimumPValues.Count);
    }
}
