namespace AgentOps.Evals.Harvesting;

/// <summary>Why a session is worth a case.</summary>
public enum HarvestFlag
{
    /// <summary>A user gave the answer a thumbs-down.</summary>
    ThumbsDown,
    /// <summary>The model stopped at its token limit.</summary>
    MaxTokens,
    /// <summary>Several tool calls failed in a row.</summary>
    ToolErrorStreak,
    /// <summary>The session cost more than most (above the cost percentile).</summary>
    CostOutlier,
    /// <summary>The session took more model turns than most.</summary>
    IterationOutlier,
    /// <summary>A guardrail fired.</summary>
    Guardrail,
    /// <summary>The agent's circuit breaker stopped the session.</summary>
    CircuitBreaker,
    /// <summary>Sampled by <c>drift</c> from a cluster the golden set does not cover.</summary>
    Drift,
}

/// <summary>Kebab-case names of <see cref="HarvestFlag"/>, as they appear in case sources and the triage queue.</summary>
public static class HarvestFlagNames
{
    /// <summary>The flag's kebab-case name (<c>thumbs-down</c>, <c>max-tokens</c>…).</summary>
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
