using AgentOps.Evals.Config;
using AgentOps.Evals.Running;
using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Gating;

/// <summary>What the gate judges: a baseline run and a candidate run with all their trials, and the rules.</summary>
public sealed record GateInput(
    RunInfo Baseline,
    IReadOnlyList<TrialResult> BaselineTrials,
    RunInfo Candidate,
    IReadOnlyList<TrialResult> CandidateTrials,
    GateOptions Options)
{
    /// <summary>Which look at the data this is (0 = after the base trials; 1, 2, … after each round of extra trials).</summary>
    public int Look { get; init; }

    /// <summary>How α is split over the planned looks; a single look (all of α) unless extra trials are planned.</summary>
    public AlphaSpending Spending { get; init; } = AlphaSpending.Single();
}
