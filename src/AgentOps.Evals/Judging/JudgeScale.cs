namespace AgentOps.Evals.Judging;

/// <summary>How a judge grades: a score from 1 to 5, or a pass/fail verdict.</summary>
public enum JudgeScale { OneToFive, PassFail }
