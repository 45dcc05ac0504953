using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Shadowing;

/// <summary>One side's trials pooled over inputs: cost per request and latency percentiles, tokens, refusal rate, finish reasons.</summary>
public sealed record SideDistribution(int Trials, decimal MeanCostUsd, double? CostP50Usd, double? CostP95Usd, double? LatencyP50Ms, double? LatencyP95Ms,
    double MeanInputTokens, double MeanOutputTokens, ProportionInterval RefusalRate, IReadOnlyDictionary<string, int> FinishReasons)
{
    /// <summary>Pools the trials of <paramref name="sides"/> (one per input).</summary>
    internal static SideDistribution Of(IEnumerable<SideFigures> sides)
    {
        var list = sides.ToList();
        var costs = list.SelectMany(s => s.CostsUsd).ToList();
        var latencies = list.SelectMany(s => s.LatenciesMs).ToList();
        var trials = list.Sum(s => s.Trials);
        var reasons = list.SelectMany(s => s.FinishReasons).GroupBy(r => r.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Value), StringComparer.Ordinal);
        return new SideDistribution(trials, costs.Count == 0 ? 0 : costs.Average(),
            Percentile.NearestRank(costs.Select(c => (double)c), 0.5), Percentile.NearestRank(costs.Select(c => (double)c), 0.95),
            Percentile.NearestRank(latencies, 0.5), Percentile.NearestRank(latencies, 0.95),
            trials == 0 ? 0 : list.Sum(s => s.InputTokens * s.Trials) / trials, trials == 0 ? 0 : list.Sum(s => s.OutputTokens * s.Trials) / trials,
            WilsonInterval.Compute(list.Sum(s => s.Refusals), trials), reasons);
    }
}
