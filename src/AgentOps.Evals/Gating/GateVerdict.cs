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
}
