namespace AgentOps.Evals.Shadowing;

/// <summary>The judge's pairwise call on one input, seen from the candidate: it won, tied or lost against the baseline.</summary>
public enum PairwisePreference { Loss = -1, Tie = 0, Win = 1 }
