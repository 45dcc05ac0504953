namespace AgentOps.Evals.Running;

/// <summary>Tokens and USD spent; judge spend is kept apart from the candidate's.</summary>
public sealed record TokenUsage(long InputTokens, long OutputTokens, decimal CostUsd, decimal JudgeCostUsd = 0)
{
    public static TokenUsage Zero { get; } = new(0, 0, 0);

    public static TokenUsage operator +(TokenUsage a, TokenUsage b) =>
        new(a.InputTokens + b.InputTokens, a.OutputTokens + b.OutputTokens, a.CostUsd + b.CostUsd, a.JudgeCostUsd + b.JudgeCostUsd);
}
