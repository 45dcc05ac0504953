namespace AgentOps.Evals.Shadowing;

/// <summary>Baseline and candidate on one sampled input: both sides' figures, how far their answers and tool calls diverge, the judge's call.</summary>
public sealed record InputComparison(
    ShadowInput Input,
    SideFigures Baseline,
    SideFigures Candidate,
    OutputDivergence Output,
    ToolCallDivergence Tools,
    PairwiseJudgement? Judgement)
{
    public string Id => Input.Id;

    /// <summary>Candidate cost per request ÷ baseline's; null when either side has no cost (no pricing, no trials).</summary>
    public double? CostRatio => Baseline.CostPerRequest > 0 && Candidate.CostPerRequest > 0 ? (double)(Candidate.CostPerRequest / Baseline.CostPerRequest) : null;

    /// <summary>Candidate p95 latency ÷ baseline's on this input; null when either side has none.</summary>
    public double? P95LatencyRatio => Baseline.LatencyP95Ms > 0 && Candidate.LatencyP95Ms > 0 ? Candidate.LatencyP95Ms / Baseline.LatencyP95Ms : null;

    /// <summary>True when both sides answered at least once, so the input counts in the comparison.</summary>
    public bool Compared => Baseline.Trials > 0 && Candidate.Trials > 0;

    /// <summary>Builds the comparison of one input from both sides' figures.</summary>
    public static InputComparison Of(ShadowInput input, SideFigures baseline, SideFigures candidate, PairwiseJudgement? judgement) =>
        new(input, baseline, candidate, OutputDivergence.Compute(baseline, candidate), ToolCallDivergence.Compute(baseline, candidate), judgement);
}
