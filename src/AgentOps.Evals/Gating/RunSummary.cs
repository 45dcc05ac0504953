using AgentOps.Evals.Running;

namespace AgentOps.Evals.Gating;

/// <summary>One side of the comparison: which run, which candidate, and how many of its trials were infrastructure errors.</summary>
public sealed record RunSummary(
    string RunId,
    CandidateIdentity Candidate,
    int K,
    string GoldenSetRevision,
    string? GitCommit,
    int Trials,
    int InfraErrors)
{
    /// <summary>Infrastructure errors as a share of all trials of the paired cases.</summary>
    public double InfraErrorRate => Trials == 0 ? 0 : (double)InfraErrors / Trials;
}
