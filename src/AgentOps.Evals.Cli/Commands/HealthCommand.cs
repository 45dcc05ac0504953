using System.CommandLine;
using System.Text.Json;
using AgentOps.Evals.Harvesting.Drift;
using AgentOps.Evals.Harvesting.Health;
using Spectre.Console;

namespace AgentOps.Evals.Cli.Commands;

/// <summary><c>health</c>: the eval program's own figures, from the golden set's git history, the results store and the last drift run.</summary>
internal static class HealthCommand
{
    private static readonly Option<string?> Markdown = new("--markdown") { Description = "Write the report as Markdown to FILE" };
    private static readonly Option<string?> Html = new("--html") { Description = "Write a self-contained HTML page to FILE" };

    public static Command Create()
    {
        var command = new Command("health", """
            The eval program's health: cases per week by suite and severity (from the golden set's git history) and the
            production-sourced share; time to eval per feedback category and severity (feedback → case → active) against
            the P0 target (health.p0-target-hours, default 72); the needs-label backlog and its age; quarantined and flaky
            cases and for how long; incidents without a case (health.incidents, health.incidents-file); the traffic share
            in clusters with no case from the last stored drift run. Reads only. Exit 0, or 2 for bad input.

            Examples:
              agentops-evals health
              agentops-evals health --markdown health.md --html health.html
            """)
        {
            Markdown, Html, GlobalOptions.Json,
        };
        command.SetAction((parse, ct) => CliErrors.Guard(() => Execute(parse, ct)));
        return command;
    }

    private static async Task<int> Execute(ParseResult parse, CancellationToken ct)
    {
        var ws = GlobalOptions.Open(parse);
        var report = HealthJob.Run(ws.LoadCases(), ws.GoldenSetRoot, ws.StorePath, ws.Config.Health, ws.Config);
        if (parse.GetValue(Markdown) is { } md) await File.WriteAllTextAsync(md, HealthMarkdownWriter.Write(report), ct);
        if (parse.GetValue(Html) is { } html) await File.WriteAllTextAsync(html, HealthHtmlWriter.Write(report), ct);
        if (GlobalOptions.JsonGiven(parse))
        {
            Console.WriteLine(JsonSerializer.Serialize(report, DriftJson.Options));
            return ExitCodes.Ok;
        }
        AnsiConsole.MarkupLine("[bold]Eval program health[/]");
        foreach (var line in HealthText.Headlines(report)) AnsiConsole.MarkupLine("  " + Markup.Escape(line));
        var weeks = new Table().Border(TableBorder.Rounded).AddColumns("week", "cases", "added", "production-sourced", "by suite", "by severity");
        foreach (var w in report.Weeks.TakeLast(12))
            weeks.AddRow(w.Week, $"{w.Cases}", $"{w.Added}", w.ProductionShare.ToString("P0", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(HealthText.Counts(w.BySuite)), Markup.Escape(HealthText.Counts(w.BySeverity)));
        if (report.Weeks.Count > 0) AnsiConsole.Write(weeks);
        var tte = new Table().Border(TableBorder.Rounded).AddColumns("severity", "category", "cases", "median h → case", "promoted", "median h → active", "max h → active");
        foreach (var t in report.TimeToEval)
            tte.AddRow(t.Severity, Markup.Escape(t.Category), $"{t.Cases}", HealthText.Hours(t.MedianHoursToCase), $"{t.Promoted}", HealthText.Hours(t.MedianHoursToActive), HealthText.Hours(t.MaxHoursToActive));
        if (report.TimeToEval.Count > 0) AnsiConsole.Write(tte);
        foreach (var d in report.Quarantined.Concat(report.Flaky))
            AnsiConsole.MarkupLine($"  [yellow]debt[/] {Markup.Escape(d.CaseId)}: {Markup.Escape(d.Detail)} since {d.Since:yyyy-MM-dd} ({d.Days} days)");
        return ExitCodes.Ok;
    }
}
