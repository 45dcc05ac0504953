using AgentOps.Evals.Judging;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary>The judge graded against human labels on one stored run's outputs, and the agreement the config asks for.</summary>
public sealed record CalibrationReport(RunInfo Run, CalibrationResult Result, double? MinAgreement)
{
    /// <summary>True when judge.min-agreement is set and the judge agreed less often: its rules should not be trusted.</summary>
    public bool BelowMinimum => MinAgreement is { } min && Result.Agreement is { } a && a < min;
}
