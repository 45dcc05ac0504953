using AgentOps.Evals.Cases;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Targets;

/// <summary>What a target is asked to answer: one case, one trial index, for one candidate.</summary>
public sealed record TrialRequest(GoldenCase Case, int TrialIndex, CandidateIdentity Candidate);
