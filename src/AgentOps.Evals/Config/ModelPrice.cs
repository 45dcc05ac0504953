namespace AgentOps.Evals.Config;

/// <summary>USD per million input and output tokens of one model.</summary>
public sealed record ModelPrice(decimal Input, decimal Output)
{
    /// <summary>The cost of one call in USD.</summary>
    public decimal Cost(long inputTokens, long outputTokens) => (inputTokens * Input + outputTokens * Output) / 1_000_000m;
}
