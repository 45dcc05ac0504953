using System.Text.Json;
using AgentOps.Evals.Judging;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary>The judge graded against human labels on one stored run's outputs, and the agreement the config asks for.</summary>
public sealed record CalibrationReport(RunInfo Run, CalibrationResult Result, double? MinAgreement)
{
    /// <summary>True when judge.min-agreement is set and the judge agreed less often: its rules should not be trusted.</summary>
    public bool BelowMinimum => MinAgreement is { } min && Result.Agreement is { } a && a < min;

    /// <summary>The report as <c>calibrate --json</c> prints it: the counts, agreement, kappa, the confusion matrix and every case.</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        runId = Run.RunId,
        candidate = Run.Candidate.Name,
        judged = Result.Judged,
        agreed = Result.Agreed,
        judgeErrors = Result.JudgeErrors,
        agreement = Result.Agreement,
        kappa = Result.Kappa,
        confusion = new { bothPass = Result.BothPass, bothFail = Result.BothFail, humanPassJudgeFail = Result.HumanPassJudgeFail, humanFailJudgePass = Result.HumanFailJudgePass },
        cases = Result.Items,
    }, JsonOutput.Options);
}
