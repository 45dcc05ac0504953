using AgentOps.Evals.Reporting.Html;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary>What a run's report is built from: the stored run, its trials, and (when asked) its candidate's history.</summary>
public sealed record RunReport(RunInfo Run, IReadOnlyList<TrialResult> Trials, IReadOnlyList<HistoryPoint> History);
