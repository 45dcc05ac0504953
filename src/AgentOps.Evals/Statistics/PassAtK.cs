namespace AgentOps.Evals.Statistics;

/// <summary>
/// Unbiased estimators from n trials with c passes: pass^k = C(c,k)/C(n,k) (k draws all pass) and
/// pass@k = 1 − C(n−c,k)/C(n,k) (at least one of k draws passes). Written as running products of
/// ratios so no factorial is ever formed and nothing overflows for any n.
/// </summary>
internal static class PassAtK
{
    public static double PassHatK(int trials, int passes, int k)
    {
        Check(trials, passes, k);
        var product = 1.0;
        for (var i = 0; i < k; i++) product *= (double)(passes - i) / (trials - i);
        return Math.Max(0, product);
    }

    public static double PassAtKValue(int trials, int passes, int k)
    {
        Check(trials, passes, k);
        var failures = trials - passes;
        var product = 1.0;
        for (var i = 0; i < k; i++) product *= (double)(failures - i) / (trials - i);
        return 1 - Math.Max(0, product);
    }

    /// <summary>The mean of pass^k over cases, each given as (trials, passes); cases with fewer than k trials are skipped.</summary>
    public static double MeanPassHatK(IEnumerable<(int Trials, int Passes)> cases, int k) =>
        MeanOver(cases, k, PassHatK);

    /// <summary>The mean of pass@k over cases, each given as (trials, passes); cases with fewer than k trials are skipped.</summary>
    public static double MeanPassAtK(IEnumerable<(int Trials, int Passes)> cases, int k) =>
        MeanOver(cases, k, PassAtKValue);

    private static double MeanOver(IEnumerable<(int Trials, int Passes)> cases, int k, Func<int, int, int, double> estimator)
    {
        var values = cases.Where(c => c.Trials >= k).Select(c => estimator(c.Trials, c.Passes, k)).ToList();
        return values.Count == 0 ? double.NaN : values.Average();
    }

    private static void Check(int trials, int passes, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, k);
        ArgumentOutOfRangeException.ThrowIfNegative(passes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(passes, trials);
    }
}
