namespace AgentOps.Evals.Harvesting;

/// <summary>Why a session is worth a case.</summary>
public enum HarvestFlag { ThumbsDown, MaxTokens, ToolErrorStreak, CostOutlier, IterationOutlier, Guardrail, CircuitBreaker, Drift }

/// <summary>Kebab-case names of <see cref="HarvestFlag"/>, as they appear in case sources and the triage queue.</summary>
public static class HarvestFlagNames
{
    public static string ToName(this HarvestFlag flag) => flag switch
    {
        HarvestFlag.ThumbsDown => "thumbs-down",
        HarvestFlag.MaxTokens => "max-tokens",
        HarvestFlag.ToolErrorStreak => "tool-error-streak",
        HarvestFlag.CostOutlier => "cost-outlier",
        HarvestFlag.IterationOutlier => "iteration-outlier",
        HarvestFlag.Guardrail => "guardrail",
        HarvestFlag.CircuitBreaker => "circuit-breaker",
        HarvestFlag.Drift => "drift",
        _ => throw new ArgumentOutOfRangeException(nameof(flag)),
    };
}
