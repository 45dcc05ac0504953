namespace AgentOps.Evals.Running;

/// <summary>Tokens and USD spent; judge spend is kept apart from the candidate's.</summary>
/// <param name="InputTokens">Prompt tokens the candidate used.</param>
/// <param name="OutputTokens">Completion tokens the candidate used.</param>
/// <param name="CostUsd">The candidate's cost in USD, from the config's pricing.</param>
/// <param name="JudgeCostUsd">The judge's cost in USD, kept apart so cost per success compares candidates only.</param>
public sealed record TokenUsage(long InputTokens, long OutputTokens, decimal CostUsd, decimal JudgeCostUsd = 0)
{
    /// <summary>Nothing spent.</summary>
    public static TokenUsage Zero { get; } = new(0, 0, 0);

    /// <summary>The sum of two usages, field by field.</summary>
    public static TokenUsage operator +(TokenUsage a, TokenUsage b) =>
        new(a.InputTokens + b.InputTokens, a.OutputTokens + b.OutputTokens, a.CostUsd + b.CostUsd, a.JudgeCostUsd + b.JudgeCostUsd);
}
