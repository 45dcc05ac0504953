namespace AgentOps.Evals.Config;

/// <summary>The gate's rules; null means the rule is off.</summary>
public sealed record GateOptions
{
    /// <summary>The lowest candidate pass rate that passes, per slice.</summary>
    public double? MinPassRate { get; init; } = 0.95;
    /// <summary>The margin: the smallest drop in pass rate that matters (see docs/gate-statistics.md).</summary>
    public double? MaxPassRateDrop { get; init; } = 0.05;
    /// <summary>The most P0 cases that may go from passing to failing (0: none).</summary>
    public int? P0Regressions { get; init; } = 0;
    /// <summary>The lowest share of the candidate's cases whose k trials all agree.</summary>
    public double? MinConsistency { get; init; } = 0.90;
    /// <summary>The highest candidate ÷ baseline cost per success.</summary>
    public double? MaxCostRatio { get; init; } = 1.5;
    /// <summary>The highest candidate p95 latency in milliseconds; null: off.</summary>
    public double? MaxP95LatencyMs { get; init; }
    /// <summary>Above this share of trials with infrastructure errors a run cannot be evaluated (exit 3).</summary>
    public double MaxInfraErrorRate { get; init; } = 0.05;
    /// <summary>Extra trials (both sides together) the gate may spend on varying cases; null = as many as the base trials (1×); 0 = off.</summary>
    public int? MaxExtraTrials { get; init; }
    /// <summary>Earlier completed runs of the same baseline identity (model, prompt, provider, golden-set revision) pooled into the baseline side, newest first; 0 = off.</summary>
    public int BaselineHistory { get; init; } = 4;
    /// <summary>Slices gated on their own: tags (wildcards allowed, e.g. <c>locale:*</c>), <c>suite:NAME</c> or <c>severity:P0</c>.</summary>
    public IReadOnlyList<string> Slices { get; init; } = [];
}
