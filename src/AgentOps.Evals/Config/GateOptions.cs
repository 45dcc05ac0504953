namespace AgentOps.Evals.Config;

/// <summary>The gate's rules; null means the rule is off.</summary>
public sealed record GateOptions
{
    public double? MinPassRate { get; init; } = 0.95;
    public double? MaxPassRateDrop { get; init; } = 0.02;
    public int? P0Regressions { get; init; } = 0;
    public double? MinConsistency { get; init; } = 0.90;
    public double? MaxCostRatio { get; init; } = 1.5;
    public double? MaxP95LatencyMs { get; init; }
    public double MaxInfraErrorRate { get; init; } = 0.05;
    /// <summary>Slices gated on their own: tags (wildcards allowed, e.g. <c>locale:*</c>), <c>suite:NAME</c> or <c>severity:P0</c>.</summary>
    public IReadOnlyList<string> Slices { get; init; } = [];
}
