namespace AgentOps.Evals.Statistics;

/// <summary>
/// Holm's step-down adjustment: p-values sorted ascending, the i-th (from 0) multiplied by m − i, made
/// monotone. Rejecting where the adjusted p-value is at most α keeps the family-wise error at α for any
/// dependence between the tests, which is what overlapping slices of one golden set have.
/// </summary>
internal static class HolmAdjustment
{
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var i = order[rank];
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
