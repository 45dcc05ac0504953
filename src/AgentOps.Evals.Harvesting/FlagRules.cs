namespace AgentOps.Evals.Harvesting;

/// <summary>Decides which sessions are worth a case. Pure: the batch's outlier cuts, then each session against them.</summary>
internal static class FlagRules
{
    /// <summary>The batch's outlier cuts: the percentile of cost and of model calls, or none when the batch is too small.</summary>
    public static FlagCuts Cuts(IEnumerable<decimal> costs, IEnumerable<int> modelCalls, FlagThresholds thresholds)
    {
        var costValues = costs.Select(c => (double)c).ToArray();
        if (costValues.Length < thresholds.MinBatch) return new FlagCuts(double.MaxValue, double.MaxValue);
        return new FlagCuts(Percentile(costValues, thresholds.Percentile), Percentile(modelCalls.Select(c => (double)c), thresholds.Percentile));
    }

    /// <summary>One session's flags under the batch's cuts; empty when it is not worth a case.</summary>
    public static List<HarvestFlag> For(SessionSummary session, FlagCuts cuts, FlagThresholds thresholds)
    {
        var found = new List<HarvestFlag>();
        if (session.Feedback.Any(f => f.Negative)) found.Add(HarvestFlag.ThumbsDown);
        if (session.LengthStop) found.Add(HarvestFlag.MaxTokens);
        if (session.LongestToolErrorStreak >= thresholds.ToolErrorStreak) found.Add(HarvestFlag.ToolErrorStreak);
        if (session.Cost > 0 && (double)session.Cost > cuts.Cost) found.Add(HarvestFlag.CostOutlier);
        if ((double)session.ModelCalls > cuts.ModelCalls) found.Add(HarvestFlag.IterationOutlier);
        if (session.Guardrail) found.Add(HarvestFlag.Guardrail);
        if (session.CircuitBreaker) found.Add(HarvestFlag.CircuitBreaker);
        return found;
    }

    /// <summary>Linear-interpolated percentile (the "R-7" definition spreadsheets use).</summary>
    internal static double Percentile(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.MaxValue;
        var rank = percentile / 100 * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
