namespace AgentOps.Evals.Config;

/// <summary>The <c>shadow:</c> section: where the shadow set lives, how it is sampled, and the rules its verdict is judged on.</summary>
/// <remarks>A rule set to null (<c>max-divergence: ~</c>) is switched off; an absent rule keeps its default.</remarks>
public sealed record ShadowOptions
{
    /// <summary>The folder of anonymized sampled inputs (case YAML with the production answer in <c>evidence</c>); committed, so it replays offline.</summary>
    public string Set { get; init; } = "fixtures/shadow";
    /// <summary>How many production sessions a fresh sample takes.</summary>
    public int Sample { get; init; } = 20;
    /// <summary>Trials per input and side; each side's own k-trial agreement is the divergence noise floor, so at least 2.</summary>
    public int K { get; init; } = 3;
    /// <summary>Session attributes the sample is stratified by and the verdict is sliced by (tier, locale).</summary>
    public IReadOnlyList<string> Slices { get; init; } = ["tier", "locale"];
    /// <summary>Candidate cost per request ÷ baseline's (geometric mean over inputs), judged on its bounds.</summary>
    public double? MaxCostRatio { get; init; } = 1.5;
    /// <summary>Candidate p95 latency ÷ baseline's (per input, geometric mean over inputs), judged on its bounds.</summary>
    public double? MaxP95LatencyRatio { get; init; } = 1.5;
    /// <summary>Mean excess divergence (own k-trial agreement − cross agreement), 0..1. 0.05 was chosen on the tuned family of DivergenceRuleSimulation; the held-out family checks it.</summary>
    public double? MaxDivergence { get; init; } = 0.05;
    /// <summary>Least share of inputs the judge prefers the candidate on.</summary>
    public double? MinJudgeWinRate { get; init; }
    /// <summary>Most share of inputs the judge prefers the baseline on.</summary>
    public double? MaxJudgeLossRate { get; init; } = 0.4;
    /// <summary>A reference-free rubric (<c>shadow.rubric</c>): when set, the judge scores every answer of both sides against it (1–5).</summary>
    public string? Rubric { get; init; }
    /// <summary>Least mean rubric score difference, candidate − baseline, over inputs (e.g. −0.5: at most half a point worse), judged on its lower bound.</summary>
    public double? MinRubricScoreDelta { get; init; }
    /// <summary>One-sided error rate of each bound (slices Holm-adjusted among themselves).</summary>
    public double Alpha { get; init; } = 0.05;
}
