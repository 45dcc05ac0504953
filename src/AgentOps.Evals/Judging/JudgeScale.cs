namespace AgentOps.Evals.Judging;

/// <summary>How a judge grades: a score from 1 to 5, or a pass/fail verdict.</summary>
public enum JudgeScale
{
    /// <summary>A score from 1 to 5; at least the assertion's minimum passes.</summary>
    OneToFive,
    /// <summary>A pass or fail verdict.</summary>
    PassFail,
}
