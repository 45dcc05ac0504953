namespace AgentOps.Evals.Judging;

/// <summary>One labelled case in a calibration: the human label, the judge's verdict (null when the judge could not answer) and why.</summary>
public sealed record CalibrationItem(string CaseId, bool HumanPass, bool? JudgePass, string Reason);
