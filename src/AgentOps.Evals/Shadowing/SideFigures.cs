using AgentOps.Evals.Evaluation.Operational;
using AgentOps.Evals.Running;
using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Shadowing;

/// <summary>One side's k answers to one input, reduced to the figures a shadow comparison reads.</summary>
/// <param name="Outputs">The answers, in trial order (one for the recorded production answer).</param>
/// <param name="ToolCalls">Per trial, the tool calls in order.</param>
/// <param name="LatenciesMs">Per trial, its latency.</param>
/// <param name="CostsUsd">Per trial, this side's model spend (judge excluded).</param>
/// <param name="CostPerRequest">Mean USD per trial.</param>
/// <param name="InputTokens">Mean input tokens per trial.</param>
/// <param name="OutputTokens">Mean output tokens per trial.</param>
/// <param name="LatencyP50Ms">Nearest-rank p50 over the trials (<see cref="Percentile"/>, the library's one definition).</param>
/// <param name="LatencyP95Ms">Nearest-rank p95 over the trials.</param>
/// <param name="Refusals">Trials whose answer is a refusal (the <c>no-refusal</c> phrase list).</param>
/// <param name="FinishReasons">How many trials stopped for each finish reason.</param>
/// <param name="OwnAgreement">Mean pairwise similarity of this side's own answers: its noise floor (1 with one answer).</param>
/// <param name="Errors">Trials that ended in an infrastructure error (counted, not compared).</param>
public sealed record SideFigures(
    IReadOnlyList<string> Outputs,
    IReadOnlyList<IReadOnlyList<ToolCallRecord>> ToolCalls,
    IReadOnlyList<double> LatenciesMs,
    IReadOnlyList<decimal> CostsUsd,
    decimal CostPerRequest,
    double InputTokens,
    double OutputTokens,
    double LatencyP50Ms,
    double LatencyP95Ms,
    int Refusals,
    IReadOnlyDictionary<string, int> FinishReasons,
    double OwnAgreement,
    int Errors)
{
    /// <summary>How many answers the side gave on this input.</summary>
    public int Trials => Outputs.Count;

    /// <summary>The figures of a side's trials of one input; trials that failed on infrastructure are counted, not compared.</summary>
    public static SideFigures Of(IReadOnlyList<TrialResult> trials)
    {
        var answered = trials.Where(t => t.Outcome != TrialOutcome.InfraError).OrderBy(t => t.TrialIndex).ToList();
        return Build(
            answered.Select(t => t.Output).ToList(),
            answered.Select(t => (IReadOnlyList<ToolCallRecord>)t.Trajectory.ToolCalls).ToList(),
            answered.Select(t => t.LatencyMs).ToList(),
            answered.Select(t => t.Usage.CostUsd).ToList(),
            answered.Select(t => (double)t.Usage.InputTokens).ToList(),
            answered.Select(t => (double)t.Usage.OutputTokens).ToList(),
            answered.Select(t => t.FinishReason).ToList(),
            trials.Count - answered.Count);
    }

    /// <summary>The production answer recorded in the trace, as a side with one trial.</summary>
    public static SideFigures Of(ProductionAnswer production) => Build(
        [production.Text], [production.ToolCalls], [production.LatencyMs], [production.CostUsd],
        [production.InputTokens], [production.OutputTokens], [production.FinishReason], 0);

    private static SideFigures Build(List<string> outputs, List<IReadOnlyList<ToolCallRecord>> tools, List<double> latencies, List<decimal> costs,
        List<double> inputTokens, List<double> outputTokens, List<string?> reasons, int errors) =>
        new(outputs, tools, latencies, costs,
            costs.Count == 0 ? 0 : costs.Average(),
            inputTokens.Count == 0 ? 0 : inputTokens.Average(),
            outputTokens.Count == 0 ? 0 : outputTokens.Average(),
            Percentile.NearestRank(latencies, 0.5) ?? 0,
            Percentile.NearestRank(latencies, 0.95) ?? 0,
            outputs.Count(o => RefusalPhrases.TryFind(o, out _, out _)),
            reasons.GroupBy(r => r ?? "unknown").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            OutputAgreement.Compute(outputs).MeanSimilarity,
            errors);
}
