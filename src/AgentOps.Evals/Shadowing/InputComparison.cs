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
    /// <summary>Calls either side made that no recorded production result answered (marked in every report).</summary>
    public UnrecordedToolCalls Unrecorded { get; init; } = UnrecordedToolCalls.None;

    /// <summary>The judge's scores of the baseline's answers against <c>shadow.rubric</c>; null without a rubric or a judge.</summary>
    public RubricScores? BaselineRubric { get; init; }

    /// <summary>The judge's scores of the candidate's answers against <c>shadow.rubric</c>; null without a rubric or a judge.</summary>
    public RubricScores? CandidateRubric { get; init; }

    /// <summary>Candidate mean rubric score − baseline's (−4..4); null unless both sides have a score.</summary>
    public double? RubricDelta => CandidateRubric?.Mean is { } c && BaselineRubric?.Mean is { } b ? c - b : null;

    /// <summary>The sampled input's case id.</summary>
    public string Id => Input.Id;

    /// <summary>Candidate cost per request ÷ baseline's; null when either side has no cost (no pricing, no trials).</summary>
    public double? CostRatio => Baseline.CostPerRequest > 0 && Candidate.CostPerRequest > 0 ? (double)(Candidate.CostPerRequest / Baseline.CostPerRequest) : null;

    /// <summary>Candidate p95 latency ÷ baseline's on this input; null when either side has none.</summary>
    public double? P95LatencyRatio => Baseline.LatencyP95Ms > 0 && Candidate.LatencyP95Ms > 0 ? Candidate.LatencyP95Ms / Baseline.LatencyP95Ms : null;

    /// <summary>True when both sides answered at least once, so the input counts in the comparison.</summary>
    public bool Compared => Baseline.Trials > 0 && Candidate.Trials > 0;

    /// <summary>Builds the comparison of one input from both sides' figures.</summary>
    /// <param name="input">The sampled production input both sides answered.</param>
    /// <param name="baseline">The baseline's figures on this input.</param>
    /// <param name="candidate">The candidate's figures on this input.</param>
    /// <param name="judgement">The pairwise judge's call on this input; null when the judge is off.</param>
    /// <param name="baselineIsProduction">The baseline is production's recorded answer: its calls are what the trace recorded.</param>
    internal static InputComparison Of(ShadowInput input, SideFigures baseline, SideFigures candidate, PairwiseJudgement? judgement, bool baselineIsProduction = false) =>
        new(input, baseline, candidate, OutputDivergence.Compute(baseline, candidate), ToolCallDivergence.Compute(baseline, candidate), judgement)
        {
            Unrecorded = UnrecordedToolCalls.Of(input, baseline, candidate, baselineIsProduction),
        };
}
