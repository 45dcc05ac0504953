using AgentOps.Evals.Gating;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Reporting.Html;

/// <summary>The HTML report: one self-contained file (inline CSS, JS and SVG; a content security policy forbids any
/// network at view time) for a single run (<c>report RUN --html F</c>) or a gate verdict (<c>gate … --html F</c>).
/// Every piece of case and response text is escaped.</summary>
public static class HtmlReport
{
    /// <summary>A gate verdict: verdict and identities, slices with intervals, flips, both sides' trials per case,
    /// cost/latency plots and the candidate's history (<see cref="HistoryPoint.LoadAsync"/>; may be empty).</summary>
    public static void Write(TextWriter output, GateVerdict verdict,
        RunInfo baseline, IReadOnlyList<TrialResult> baselineTrials,
        RunInfo candidate, IReadOnlyList<TrialResult> candidateTrials,
        IReadOnlyList<HistoryPoint> history)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(verdict);
        new HtmlReportRenderer(output, verdict, new ReportSide(baseline, baselineTrials), new ReportSide(candidate, candidateTrials), history).Render();
    }

    /// <summary>A single stored run: pass rates per suite and tag with intervals, every case's trials, plots and history.</summary>
    public static void Write(TextWriter output, RunInfo run, IReadOnlyList<TrialResult> trials, IReadOnlyList<HistoryPoint> history)
    {
        ArgumentNullException.ThrowIfNull(output);
        new HtmlReportRenderer(output, null, null, new ReportSide(run, trials), history).Render();
    }

    /// <summary>Writes to <paramref name="path"/> through a temp file, so a reader never sees half a report.</summary>
    public static void WriteFile(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        ReportFile.Write(path, write); // the one way a report file is written: rendered in memory, temp file + rename
    }
}

/// <summary>One run and its trials, as the report shows them.</summary>
internal sealed record ReportSide(RunInfo Run, IReadOnlyList<TrialResult> Trials);
