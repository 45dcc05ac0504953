namespace AgentOps.Evals.Config;

/// <summary>The gate's rules; null means the rule is off.</summary>
public sealed record GateOptions
{
    public double? MinPassRate { get; init; } = 0.95;
    /// <summary>The margin: the smallest drop in pass rate that matters (see docs/gate-statistics.md).</summary>
    public double? MaxPassRateDrop { get; init; } = 0.05;
    public int? P0Regressions { get; init; } = 0;
    public double? MinConsistency { get; init; } = 0.90;
    public double? MaxCostRatio { get; init; } = 1.5;
    public double? MaxP95LatencyMs { get; init; }
    public double MaxInfraErrorRate { get; init; } = 0.05;
    /// <summary>Extra trials (both sides together) the gate may spend on varying cases; null = as many as the base trials (1×); 0 = off.</summary>
    public int? MaxExtraTrials { get; init; }
    /// <summary>Earlier completed runs of the same baseline identity (model, prompt, provider, golden-set revision) pooled into the baseline side, newest first; 0 = off.</summary>
    public int BaselineHistory { get; init; } = 4;
    /// <summary>Slices gated on their own: tags (wildcards allowed, e.g. <c>locale:*</c>), <c>suite:NAME</c> or <c>severity:P0</c>.</summary>
    public IReadOnlyList<string> Slices { get; init; } = [];
}
