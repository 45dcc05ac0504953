namespace AgentOps.Evals.Statistics;

/// <summary>One paired case's judged trials: passes out of judged trials on each side (infrastructure errors excluded).</summary>
public readonly record struct CaseCounts(int BaselinePasses, int BaselineTrials, int CandidatePasses, int CandidateTrials)
{
    /// <summary>Baseline pass fraction minus candidate pass fraction: positive is worse.</summary>
    public double Drop => (double)BaselinePasses / BaselineTrials - (double)CandidatePasses / CandidateTrials;
}
