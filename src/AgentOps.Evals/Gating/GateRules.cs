namespace AgentOps.Evals.Gating;

/// <summary>The one registration list of gate rules, in the order their findings are reported.</summary>
internal static class GateRules
{
    public static IReadOnlyList<IGateRule> All { get; } =
    [
        new P0RegressionsRule(),
        new MaxPassRateDropRule(),
        new MinPassRateRule(),
        new MinConsistencyRule(),
        new MaxCostRatioRule(),
        new MaxP95LatencyRule(),
    ];
}
