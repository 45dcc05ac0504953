using System.Globalization;
using AgentOps.Evals.Harvesting.Health;
using Spectre.Console;

namespace AgentOps.Evals.Cli.Output;

/// <summary>The health report on the console: its headlines, cases per week, time to eval, and eval debt.</summary>
internal static class HealthConsole
{
    public static void Print(HealthReport report)
    {
            AnsiConsole.MarkupLine("[bold]Eval program health[/]");
            foreach (var line in HealthText.Headlines(report)) AnsiConsole.MarkupLine("  " + Markup.Escape(line));
            var weeks = new Table().Border(TableBorder.Rounded).AddColumns("week", "cases", "added", "production-sourced", "by suite", "by severity");
            foreach (var w in report.Weeks.TakeLast(12))
                weeks.AddRow(w.Week, $"{w.Cases}", $"{w.Added}", w.ProductionShare.ToString("P0", CultureInfo.InvariantCulture),
                    Markup.Escape(HealthText.Counts(w.BySuite)), Markup.Escape(HealthText.Counts(w.BySeverity)));
            if (report.Weeks.Count > 0) AnsiConsole.Write(weeks);
            var tte = new Table().Border(TableBorder.Rounded).AddColumns("severity", "category", "cases", "median h → case", "promoted", "median h → active", "max h → active");
            foreach (var t in report.TimeToEval)
                tte.AddRow(t.Severity, Markup.Escape(t.Category), $"{t.Cases}", HealthText.Hours(t.MedianHoursToCase), $"{t.Promoted}", HealthText.Hours(t.MedianHoursToActive), HealthText.Hours(t.MaxHoursToActive));
            if (report.TimeToEval.Count > 0) AnsiConsole.Write(tte);
            foreach (var d in report.Quarantined.Concat(report.Flaky))
                AnsiConsole.MarkupLine($"  [yellow]debt[/] {Markup.Escape(d.CaseId)}: {Markup.Escape(d.Detail)} since {d.Since:yyyy-MM-dd} ({d.Days} days)");
    }
}
