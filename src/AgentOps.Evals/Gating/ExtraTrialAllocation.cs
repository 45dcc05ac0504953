namespace AgentOps.Evals.Gating;

/// <summary>One case chosen for extra trials: how many per side, and the probability it had of being chosen (for the two-stage estimate).</summary>
/// <param name="CaseId">The case to run again.</param>
/// <param name="PerSide">Extra trials on each side, numbered from each side's planned k.</param>
/// <param name="Inclusion">The case's inclusion probability given the base trials: 1 for a varying case within budget, less for a steady case drawn at random.</param>
/// <param name="Priority">A P0 case a P0 rule left undecided: served first, 3k a side.</param>
internal sealed record ExtraTrialAllocation(string CaseId, int PerSide, double Inclusion, bool Priority = false);
