namespace AgentOps.Evals.Running;

/// <summary>One row of a run's table: a suite's cases and trials, and how they went.</summary>
public sealed record SuiteSummary(string Suite, int Cases, int Trials, int Passed, int Failed, int InfraErrors, int CasesAllPassed, decimal CostUsd, double P95LatencyMs)
{
    /// <summary>Passed ÷ (trials that were judged); infrastructure errors are not model failures.</summary>
    public double PassRate => Passed + Failed == 0 ? 0 : (double)Passed / (Passed + Failed);

    /// <summary>Aggregates stored trials by suite, with a final "all" row.</summary>
    public static IReadOnlyList<SuiteSummary> Summarize(RunInfo run, IReadOnlyList<TrialResult> trials)
    {
        var suiteOf = run.Cases.ToDictionary(c => c.Id, c => c.Suite.Length == 0 ? "(root)" : c.Suite);
        var rows = trials.GroupBy(t => suiteOf.GetValueOrDefault(t.CaseId, "(unknown)"))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.ToList()))
            .ToList();
        rows.Add(Row("all", trials));
        return rows;
    }

    private static SuiteSummary Row(string suite, IReadOnlyList<TrialResult> trials)
    {
        var byCase = trials.GroupBy(t => t.CaseId).ToList();
        var p95 = Statistics.Percentile.NearestRank(trials.Where(t => t.Outcome != TrialOutcome.InfraError).Select(t => t.LatencyMs), 0.95) ?? 0;
        return new SuiteSummary(
            suite,
            byCase.Count,
            trials.Count,
            trials.Count(t => t.Outcome == TrialOutcome.Passed),
            trials.Count(t => t.Outcome == TrialOutcome.Failed),
            trials.Count(t => t.Outcome == TrialOutcome.InfraError),
            byCase.Count(g => g.All(t => t.Outcome == TrialOutcome.Passed)),
            trials.Sum(t => t.Usage.CostUsd),
            p95);
    }
}
