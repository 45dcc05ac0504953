using AgentOps.Evals.Cases;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Targets;

/// <summary>What a target is asked to answer: one case, one trial index, for one candidate, with the trial's context.</summary>
public sealed record TrialRequest(GoldenCase Case, int TrialIndex, CandidateIdentity Candidate)
{
    /// <summary>The trial's explicit context (meters, clock, cassette key); the runner passes its own, else a fresh one.</summary>
    public TrialContext Context { get; init; } = new(Case, TrialIndex, Candidate);
}
