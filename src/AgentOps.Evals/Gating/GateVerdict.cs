namespace AgentOps.Evals.Gating;

/// <summary>The gate's answer: outcome and exit code, both identities, every finding, the slice table, flips, cost and latency.</summary>
public sealed record GateVerdict
{
    public required GateOutcome Outcome { get; init; }
    public int ExitCode => (int)Outcome;
    public required RunSummary Baseline { get; init; }
    public required RunSummary Candidate { get; init; }
    /// <summary>Fail findings first, then inconclusive, then info; within each, overall before slices.</summary>
    public required IReadOnlyList<GateFinding> Findings { get; init; }
    /// <summary><c>all</c> first, then each slice in config order.</summary>
    public required IReadOnlyList<SliceSummary> Slices { get; init; }
    public required FlipSummary Flips { get; init; }
    public required CostSummary Cost { get; init; }
    public required LatencySummary Latency { get; init; }
    /// <summary>Every paired case, ordinal by id.</summary>
    public required IReadOnlyList<CaseComparison> Cases { get; init; }
    public IReadOnlyList<string> MissingFromCandidate { get; init; } = [];
    public IReadOnlyList<string> MissingFromBaseline { get; init; } = [];
    /// <summary>Extra trials spent by <see cref="SequentialGate"/> on varying cases (both sides); 0 without them.</summary>
    public int ExtraTrials { get; init; }
    /// <summary>The most extra trials this gate could spend (<c>gate.max-extra-trials</c>); 0 when extra trials were not available.</summary>
    public int ExtraTrialBudget { get; init; }
    /// <summary>The one-sided α this verdict's claims were tested at (less than 0.05 when extra-trial looks share it).</summary>
    public double Alpha { get; init; } = 0.05;
}
