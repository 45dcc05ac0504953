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

    /// <summary>Per-case two-stage drop estimates by case id (set by <see cref="SequentialGate"/> after extra trials); null = plain fractions.</summary>
    public IReadOnlyDictionary<string, double>? CaseDrops { get; init; }

    /// <summary>
    /// Trials of earlier completed runs of the same baseline identity (model id, prompt hash, provider, golden-set
    /// revision), pooled into the baseline's per-case rates: more baseline trials per case shrink the spread of the
    /// per-case drops. Never the candidate's: the candidate is what changed.
    /// </summary>
    public IReadOnlyList<TrialResult> BaselineHistory { get; init; } = [];

    /// <summary>Per-case judged counts of the extra trials alone, by case id (set by <see cref="SequentialGate"/>); the P0 rule tests the two stages apart.</summary>
    public IReadOnlyDictionary<string, CaseCounts>? CaseExtras { get; init; }
}
