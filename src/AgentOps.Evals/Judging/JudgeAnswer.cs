namespace AgentOps.Evals.Judging;

/// <summary>The outcome of asking the judge: a verdict, or the reason there is none (an infrastructure error, never a model failure).</summary>
internal sealed record JudgeAnswer(JudgeVerdict? Verdict, string? Error, decimal CostUsd)
{
    public static JudgeAnswer Failed(string error, decimal cost = 0) => new(null, error, cost);
}
