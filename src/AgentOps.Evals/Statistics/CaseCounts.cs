namespace AgentOps.Evals.Statistics;

/// <summary>One paired case's judged trials: passes out of judged trials on each side (infrastructure errors excluded).</summary>
public readonly record struct CaseCounts(int BaselinePasses, int BaselineTrials, int CandidatePasses, int CandidateTrials)
{
    /// <summary>The case's two-stage drop estimate when extra trials were added (see <c>TwoStageEstimate</c>); null = the plain fraction difference.</summary>
    public double? Estimate { get; init; }

    /// <summary>Baseline pass fraction minus candidate pass fraction (or the two-stage <see cref="Estimate"/>): positive is worse.</summary>
    public double Drop => Estimate ?? (double)BaselinePasses / BaselineTrials - (double)CandidatePasses / CandidateTrials;
}
