using AgentOps.Evals.Running;
using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Shadowing;

/// <summary>Everything a shadow comparison found: who was compared, on which runs, every input's comparison, and the verdict.
/// Every report format (console, JSON, Markdown, HTML) prints these figures; none computes its own.</summary>
/// <param name="Baseline">The baseline's name: a candidate from the config, or <c>production</c>.</param>
/// <param name="Candidate">The candidate's name.</param>
/// <param name="BaselineIdentity">The baseline's model, prompt hash and provider; null when the baseline is production.</param>
/// <param name="CandidateIdentity">The candidate's model, prompt hash and provider.</param>
/// <param name="BaselineRunId">The stored run of the baseline; null when the baseline is the production answer recorded in the traces.</param>
/// <param name="CandidateRunId">The stored run of the candidate's answers.</param>
/// <param name="K">Trials per input on each side that ran now.</param>
/// <param name="Inputs">Every sampled input's comparison.</param>
/// <param name="Verdict">The rules' decisions per slice and the overall outcome.</param>
/// <param name="Notes">What the reader must know to read the figures (multi-turn replay, tools without recorded results, judge off).</param>
public sealed record ShadowReport(
    string Baseline,
    string Candidate,
    CandidateIdentity? BaselineIdentity,
    CandidateIdentity CandidateIdentity,
    string? BaselineRunId,
    string CandidateRunId,
    int K,
    IReadOnlyList<InputComparison> Inputs,
    ShadowVerdict Verdict,
    IReadOnlyList<string> Notes)
{
    /// <summary>The id both sides' stored runs carry (<c>shadow --resume</c> finishes a killed comparison by it).</summary>
    public string ShadowId { get; init; } = "";

    /// <summary>Trials answered now, over both sides.</summary>
    public int TrialsRun { get; init; }

    /// <summary>Trials a resume found already stored and did not run again, over both sides.</summary>
    public int TrialsReused { get; init; }

    /// <summary>The baseline's name for the recorded production answers.</summary>
    public const string Production = "production";

    /// <summary>Inputs by excess divergence, largest first (then by judge loss): the ones a reviewer should read.</summary>
    public IReadOnlyList<InputComparison> MostDivergent(int count) => Inputs.Where(i => i.Compared)
        .OrderByDescending(i => double.IsNaN(i.Output.Excess) ? double.MinValue : i.Output.Excess)
        .ThenBy(i => i.Judgement?.Preference ?? 0).Take(count).ToList();

    /// <summary>Both sides' distribution figures over every trial: cost per request and latency (nearest-rank percentiles).</summary>
    public SideDistribution BaselineDistribution => SideDistribution.Of(Inputs.Where(i => i.Compared).Select(i => i.Baseline));

    /// <summary>Mean over inputs of each side's mean rubric score (1–5); null without <c>shadow.rubric</c> or a judge.</summary>
    public double? BaselineRubricMean => RubricMean(i => i.BaselineRubric);

    /// <summary>The candidate's mean over inputs of its mean rubric score (1–5); null without <c>shadow.rubric</c> or a judge.</summary>
    public double? CandidateRubricMean => RubricMean(i => i.CandidateRubric);

    private double? RubricMean(Func<InputComparison, RubricScores?> side) =>
        Inputs.Where(i => i.Compared).Select(i => side(i)?.Mean).OfType<double>().ToList() is { Count: > 0 } means ? means.Average() : null;

    /// <summary>The candidate's trials pooled over the compared inputs.</summary>
    public SideDistribution CandidateDistribution => SideDistribution.Of(Inputs.Where(i => i.Compared).Select(i => i.Candidate));
}
