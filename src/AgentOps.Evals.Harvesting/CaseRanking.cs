namespace AgentOps.Evals.Harvesting;

/// <summary>Ranks candidates by frequency × category severity × customer tier. Pure.</summary>
internal static class CaseRanking
{
    public static double Score(HarvestCandidate candidate) =>
        candidate.Count * Severity(candidate) * Tier(candidate.Session.Tier);

    /// <summary>The worst of the feedback category and the flags: unsafe and guardrail trips weigh most.</summary>
    public static double Severity(HarvestCandidate candidate)
    {
        var category = candidate.Session.NegativeFeedback?.Category switch
        {
            "unsafe" => 5.0,
            "wrong" => 4.0,
            "unhelpful" => 2.0,
            "slow" => 1.0,
            _ => 0.0,
        };
        var flags = candidate.Flags.Select(f => f switch
        {
            HarvestFlag.Guardrail => 5.0,
            HarvestFlag.ThumbsDown => 3.0,
            HarvestFlag.ToolErrorStreak => 3.0,
            HarvestFlag.CircuitBreaker => 3.0,
            HarvestFlag.MaxTokens => 2.0,
            _ => 1.0,
        }).DefaultIfEmpty(1.0).Max();
        return Math.Max(category, flags);
    }

    public static double Tier(string? tier) => tier?.ToLowerInvariant() switch
    {
        "enterprise" => 3.0,
        "business" or "pro" or "premium" or "gold" => 2.0,
        _ => 1.0,
    };

    /// <summary>Highest score first; ties by case material so the order never depends on file order.</summary>
    public static IReadOnlyList<HarvestCandidate> Rank(IEnumerable<HarvestCandidate> candidates) =>
        candidates.OrderByDescending(Score).ThenBy(c => c.NormalizedInput, StringComparer.Ordinal).ToList();
}
