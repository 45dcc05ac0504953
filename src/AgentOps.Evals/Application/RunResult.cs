using System.Text.Json;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary>A finished (or interrupted) run: its stored record and trials, how it ended, and how long it took.</summary>
public sealed record RunResult(RunInfo Run, IReadOnlyList<TrialResult> Trials, RunOutcome Outcome, TimeSpan Elapsed)
{
    /// <summary>The run's totals (the "all" row of its table): pass rate over judged trials, infrastructure errors.</summary>
    public SuiteSummary Totals => RunTotals.Of(Run, Trials);

    /// <summary>Infrastructure errors ÷ trials; 0 for a run without trials.</summary>
    public double InfraRate => Totals.InfraRate();

    /// <summary>The most infrastructure errors a run may have and still be evaluated (gate.max-infra-error-rate).</summary>
    public double MaxInfraErrorRate { get; init; } = 1;

    /// <summary>True when more trials hit infrastructure errors than <see cref="MaxInfraErrorRate"/> allows: the run says nothing about the candidate.</summary>
    public bool TooManyInfraErrors => InfraRate > MaxInfraErrorRate;

    /// <summary>0 when the run finished and can be evaluated; 3 (inconclusive) when it was interrupted or had too many infrastructure errors.</summary>
    public int ExitCode => Outcome.Status == RunStatus.Interrupted || TooManyInfraErrors ? 3 : 0;

    /// <summary>The run as <c>run --json</c> prints it: identity, how it went, and the per-suite table.</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        runId = Run.RunId,
        status = Outcome.Status.ToString(),
        candidate = Run.Candidate,
        k = Run.K,
        trialsRun = Outcome.TrialsRun,
        trialsSkipped = Outcome.TrialsSkipped,
        infraErrorsRetried = Outcome.InfraErrorsRetried,
        seconds = Math.Round(Elapsed.TotalSeconds, 3),
        suites = SuiteSummary.Summarize(Run, Trials),
    }, JsonOutput.Options);
}
