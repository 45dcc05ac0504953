namespace AgentOps.Evals.Gating;

/// <summary>Latency percentiles of judged trials on both sides, in milliseconds; null when a side has no trials.</summary>
public sealed record LatencySummary(double? BaselineP50Ms, double? BaselineP95Ms, double? CandidateP50Ms, double? CandidateP95Ms);
