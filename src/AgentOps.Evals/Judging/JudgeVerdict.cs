namespace AgentOps.Evals.Judging;

/// <summary>What the judge decided: a score (1–5, or 1/0 on the pass/fail scale), whether that is a pass, and why.</summary>
public sealed record JudgeVerdict(double Score, bool Passed, string Reasoning);
