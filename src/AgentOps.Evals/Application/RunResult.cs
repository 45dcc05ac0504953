using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary>A finished (or interrupted) run: its stored record and trials, how it ended, and how long it took.</summary>
public sealed record RunResult(RunInfo Run, IReadOnlyList<TrialResult> Trials, RunOutcome Outcome, TimeSpan Elapsed)
{
    /// <summary>The run's totals (the "all" row of its table): pass rate over judged trials, infrastructure errors.</summary>
    public SuiteSummary Totals => RunTotals.Of(Run, Trials);

    /// <summary>Infrastructure errors ÷ trials; 0 for a run without trials.</summary>
    public double InfraRate => Totals.InfraRate();
}
