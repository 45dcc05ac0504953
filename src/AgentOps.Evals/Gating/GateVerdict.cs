namespace AgentOps.Evals.Gating;

/// <summary>The gate's answer: outcome and exit code, both identities, every finding, the slice table, flips, cost and latency.</summary>
public sealed record GateVerdict
{
    /// <summary>Inconclusive when infrastructure errors make the comparison unreliable, else fail when any finding fails, else inconclusive when any finding is, else pass.</summary>
    public required GateOutcome Outcome { get; init; }
    /// <summary>The process exit code for <see cref="Outcome"/>: 0 pass, 1 fail, 3 inconclusive.</summary>
    public int ExitCode => (int)Outcome;
    /// <summary>The baseline run: run id, identity, k, golden-set revision, trial and infrastructure-error counts.</summary>
    public required RunSummary Baseline { get; init; }
    /// <summary>The candidate run: run id, identity, k, golden-set revision, trial and infrastructure-error counts.</summary>
    public required RunSummary Candidate { get; init; }
    /// <summary>Fail findings first, then inconclusive, then info; within each, overall before slices.</summary>
    public required IReadOnlyList<GateFinding> Findings { get; init; }
    /// <summary><c>all</c> first, then each slice in config order.</summary>
    public required IReadOnlyList<SliceSummary> Slices { get; init; }
    /// <summary>Cases whose majority outcome moved between the runs: regressions and improvements.</summary>
    public required FlipSummary Flips { get; init; }
    /// <summary>Spend and cost per success over all paired cases.</summary>
    public required CostSummary Cost { get; init; }
    /// <summary>Latency percentiles of both runs over all paired cases.</summary>
    public required LatencySummary Latency { get; init; }
    /// <summary>Every paired case, ordinal by id.</summary>
    public required IReadOnlyList<CaseComparison> Cases { get; init; }
    /// <summary>Case ids the baseline ran but the candidate did not; they are not compared (the case-coverage rule reports them).</summary>
    public IReadOnlyList<string> MissingFromCandidate { get; init; } = [];
    /// <summary>Case ids the candidate ran but the baseline did not; they are not compared.</summary>
    public IReadOnlyList<string> MissingFromBaseline { get; init; } = [];
    /// <summary>Extra trials spent by <see cref="SequentialGate"/> on varying cases (both sides); 0 without them.</summary>
    public int ExtraTrials { get; init; }
    /// <summary>The most extra trials this gate could spend (<c>gate.max-extra-trials</c>); 0 when extra trials were not available.</summary>
    public int ExtraTrialBudget { get; init; }
    /// <summary>What the gate did about extra trials and why (spent, not needed, or not available: e.g. a side replays recordings); null when not considered.</summary>
    public string? ExtraTrialNote { get; init; }
    /// <summary>The one-sided α this verdict's claims were tested at (less than 0.05 when extra-trial looks share it).</summary>
    public double Alpha { get; init; } = 0.05;
}
