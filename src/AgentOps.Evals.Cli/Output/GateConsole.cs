using AgentOps.Evals.Reporting;
using System.Globalization;
using AgentOps.Evals.Gating;
using Spectre.Console;

namespace AgentOps.Evals.Cli.Output;

/// <summary>The gate's verdict on the console: the verdict first, then what decided it, then the slice table.</summary>
internal static class GateConsole
{
    public static void Print(GateVerdict verdict)
    {
        var (color, word) = verdict.Outcome switch
        {
            GateOutcome.Pass => ("green", "PASS"),
            GateOutcome.Fail => ("red", "FAIL"),
            _ => ("yellow", "INCONCLUSIVE"),
        };
        var b = verdict.Baseline.Candidate;
        var c = verdict.Candidate.Candidate;
        AnsiConsole.MarkupLine($"[bold {color}]GATE {word}[/]  candidate [bold]{Markup.Escape(c.Name)}[/] ({Markup.Escape(c.ModelId)}, prompt {c.PromptHash}) vs baseline [bold]{Markup.Escape(b.Name)}[/] ({Markup.Escape(b.ModelId)}, prompt {b.PromptHash})");
        AnsiConsole.MarkupLine($"runs: {Markup.Escape(verdict.Candidate.RunId)} vs {Markup.Escape(verdict.Baseline.RunId)}; k={verdict.Candidate.K}; infrastructure errors {verdict.Candidate.InfraErrors}/{verdict.Candidate.Trials}");
        foreach (var finding in verdict.Findings.Where(f => f.Severity != FindingSeverity.Info || (f.Evidence is not null && f.Slice == GateEvaluator.Overall)))
        {
            var mark = finding.Severity switch { FindingSeverity.Fail => "[red]✗[/]", FindingSeverity.Inconclusive => "[yellow]?[/]", _ => "[green]✓[/]" };
            var cases = finding.Cases.Count == 0 ? "" : $" — cases: {string.Join(", ", finding.Cases.Take(8))}{(finding.Cases.Count > 8 ? $" (+{finding.Cases.Count - 8})" : "")}";
            AnsiConsole.MarkupLine($"{mark} [bold]{Markup.Escape(finding.Rule)}[/] [[{Markup.Escape(finding.Slice)}]]: {Markup.Escape(ModelText.ForTerminal(finding.Message))}{Markup.Escape(cases)}");
            if (finding.Evidence is not null) AnsiConsole.MarkupLine($"    [dim]{Markup.Escape(EvidenceText.Describe(finding, withWouldDecide: false))}[/]");
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("slice", "cases", "baseline pass", "candidate pass (95% CI)", "drop (lower–upper)", "regressions", "P0 regr.", "flaky", "consistency", "verdict");
        foreach (var s in verdict.Slices)
        {
            var outcome = s.Outcome switch { GateOutcome.Pass => "[green]pass[/]", GateOutcome.Fail => "[red]fail[/]", _ => "[yellow]inconclusive[/]" };
            table.AddRow(
                Markup.Escape(s.Name), s.Cases.ToString(CultureInfo.InvariantCulture),
                Percent(s.BaselinePassRate.Estimate),
                $"{Percent(s.CandidatePassRate.Estimate)} ({Percent(s.CandidatePassRate.Lower)}–{Percent(s.CandidatePassRate.Upper)})",
                $"{Points(s.Drop.MeanDrop)} ({Points(s.Drop.LowerBound)}–{Points(s.Drop.UpperBound)})",
                s.Regressions.ToString(CultureInfo.InvariantCulture), s.P0Regressions.ToString(CultureInfo.InvariantCulture),
                s.FlakyCases.ToString(CultureInfo.InvariantCulture), Percent(s.CandidateConsistency), outcome);
        }
        AnsiConsole.Write(table);
        if (verdict.Cost.Ratio is { } ratio)
            AnsiConsole.MarkupLine($"cost per success: {verdict.Cost.CandidateCostPerSuccessUsd:0.000000} USD vs {verdict.Cost.BaselineCostPerSuccessUsd:0.000000} USD (×{ratio.ToString("0.00", CultureInfo.InvariantCulture)}); p95 latency {verdict.Latency.CandidateP95Ms:0} ms vs {verdict.Latency.BaselineP95Ms:0} ms");
    }

    private static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
    private static string Points(double value) => double.IsNaN(value) ? "–" : (value * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pt";
}
