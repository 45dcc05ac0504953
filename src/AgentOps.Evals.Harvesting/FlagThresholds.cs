namespace AgentOps.Evals.Harvesting;

/// <summary>Flag thresholds; config names: <c>tool-error-streak</c>, <c>percentile</c>, <c>min-batch</c>.</summary>
public sealed record FlagThresholds
{
    /// <summary>Consecutive failed tool calls that flag a session.</summary>
    public int ToolErrorStreak { get; init; } = 2;

    /// <summary>Cost and model-call count above this percentile of the batch flag a session.</summary>
    public double Percentile { get; init; } = 95;

    /// <summary>Below this many sessions a batch has no meaningful percentile, and outlier flags are off.</summary>
    public int MinBatch { get; init; } = 20;

    /// <summary>Reads the config's <c>harvest.thresholds</c> map; unknown names are ignored.</summary>
    public static FlagThresholds From(IReadOnlyDictionary<string, double>? values)
    {
        var thresholds = new FlagThresholds();
        if (values is null) return thresholds;
        if (values.TryGetValue("tool-error-streak", out var streak)) thresholds = thresholds with { ToolErrorStreak = (int)streak };
        if (values.TryGetValue("percentile", out var p) || values.TryGetValue("cost-percentile", out p)) thresholds = thresholds with { Percentile = p };
        if (values.TryGetValue("min-batch", out var min)) thresholds = thresholds with { MinBatch = (int)min };
        return thresholds;
    }
}
