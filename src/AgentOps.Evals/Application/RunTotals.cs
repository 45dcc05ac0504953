using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary>A run's totals, from the same figures as its table: what <c>run</c>'s infrastructure check and <c>last-green</c> read.</summary>
internal static class RunTotals
{
    public static SuiteSummary Of(RunInfo run, IReadOnlyList<TrialResult> trials) => SuiteSummary.Summarize(run, trials)[^1];

    /// <summary>Infrastructure errors ÷ trials; 0 for a run without trials.</summary>
    public static double InfraRate(this SuiteSummary totals) => totals.Trials == 0 ? 0 : (double)totals.InfraErrors / totals.Trials;
}
