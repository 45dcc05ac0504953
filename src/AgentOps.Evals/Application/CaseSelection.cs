using AgentOps.Evals.Cases;

namespace AgentOps.Evals.Application;

/// <summary>Which cases a run takes: active ones (unless the filter names a status), matching the filter, in the shard.</summary>
internal static class CaseSelection
{
    public static IReadOnlyList<GoldenCase> Select(IReadOnlyList<GoldenCase> cases, string? filter, string? shard)
    {
        var caseFilter = string.IsNullOrWhiteSpace(filter) ? null : CaseFilter.Parse(filter);
        var caseShard = string.IsNullOrWhiteSpace(shard) ? null : Shard.Parse(shard);
        var statusNamed = filter?.Contains("status:", StringComparison.Ordinal) == true;
        return cases
            .Where(c => statusNamed || c.Status == CaseStatus.Active)
            .Where(c => caseFilter?.Matches(c) ?? true)
            .Where(c => caseShard?.Contains(c.Id) ?? true)
            .ToList();
    }
}
