using AgentOps.Evals.Gating;
using AgentOps.Evals.Reporting.Html;

namespace AgentOps.Evals.Application;

/// <summary>The gate's verdict with the two runs it compared (and, when asked, the candidate's history): all a gate report needs.</summary>
public sealed record GateResult(GateVerdict Verdict, StoredRun Baseline, StoredRun Candidate, IReadOnlyList<HistoryPoint> History)
{
    /// <summary>0 pass, 1 fail, 3 inconclusive.</summary>
    public int ExitCode => Verdict.ExitCode;
}
