using System.Text;
using AgentOps.Evals.Gating;

namespace AgentOps.Evals.Reporting;

/// <summary>GitHub Actions workflow commands: one <c>::error file=…</c> per regressed case file, one per failing finding.</summary>
public sealed class GitHubAnnotationsWriter : IGateReportWriter
{
    /// <inheritdoc />
    public string Format => "github-annotations";

    /// <inheritdoc />
    public void Write(GateVerdict verdict, TextWriter output)
    {
        foreach (var c in verdict.Cases.Where(c => c.Flip == CaseFlip.Regression))
        {
            var message = $"{c.Id} ({c.Severity}) regressed: {verdict.Baseline.Candidate.Name} {c.BaselinePasses}/{c.BaselineTrials} → " +
                          $"{verdict.Candidate.Candidate.Name} {c.CandidatePasses}/{c.CandidateTrials} trials passed";
            var reason = c.CandidateFailures.SelectMany(f => f.FailedAssertions).Select(a => $"{a.Type}: {a.Reason}").FirstOrDefault();
            if (reason is not null) message += $"; {reason}";
            output.Write($"::error file={Property(c.File)},line=1,title={Property($"Gate regression: {c.Id}")}::{Data(message)}\n");
        }
        foreach (var f in verdict.Findings.Where(f => f.Severity == FindingSeverity.Fail && f.Rule != "p0-regressions"))
        {
            output.Write($"::error title={Property($"Gate {f.Rule} [{f.Slice}]")}::{Data(f.Message)}\n");
        }
        foreach (var f in verdict.Findings.Where(f => f.Severity == FindingSeverity.Inconclusive))
        {
            output.Write($"::warning title={Property($"Gate inconclusive: {f.Rule} [{f.Slice}]")}::{Data(f.Message)}\n");
        }
    }

    // Escaping as GitHub's toolkit does (core/command.ts): data escapes %, CR, LF; properties also ':' and ','.
    private static string Data(string text) => new StringBuilder(text)
        .Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    private static string Property(string text) => new StringBuilder(Data(text))
        .Replace(":", "%3A").Replace(",", "%2C").ToString();
}
