namespace AgentOps.Evals.Harvesting;

/// <summary>Decides which sessions are worth a case. Pure: sessions and thresholds in, flags out.</summary>
internal static class FlagRules
{
    public static IReadOnlyDictionary<string, IReadOnlyList<HarvestFlag>> Evaluate(IReadOnlyList<SessionSummary> sessions, FlagThresholds thresholds)
    {
        var outliersOn = sessions.Count >= thresholds.MinBatch;
        var costCut = outliersOn ? Percentile(sessions.Select(s => (double)s.Cost), thresholds.Percentile) : double.MaxValue;
        var callsCut = outliersOn ? Percentile(sessions.Select(s => (double)s.ModelCalls), thresholds.Percentile) : double.MaxValue;
        var flags = new Dictionary<string, IReadOnlyList<HarvestFlag>>(StringComparer.Ordinal);
        foreach (var session in sessions)
        {
            var found = new List<HarvestFlag>();
            if (session.Feedback.Any(f => f.Negative)) found.Add(HarvestFlag.ThumbsDown);
            if (session.LengthStop) found.Add(HarvestFlag.MaxTokens);
            if (session.LongestToolErrorStreak >= thresholds.ToolErrorStreak) found.Add(HarvestFlag.ToolErrorStreak);
            if (session.Cost > 0 && (double)session.Cost > costCut) found.Add(HarvestFlag.CostOutlier);
            if ((double)session.ModelCalls > callsCut) found.Add(HarvestFlag.IterationOutlier);
            if (session.Guardrail) found.Add(HarvestFlag.Guardrail);
            if (session.CircuitBreaker) found.Add(HarvestFlag.CircuitBreaker);
            if (found.Count > 0) flags[session.Key] = found;
        }
        return flags;
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
