using System.CommandLine;
using System.Text.Json;
using AgentOps.Evals.Harvesting.Application;
using AgentOps.Evals.Cli.Output;
using AgentOps.Evals.Harvesting.Drift;
using AgentOps.Evals.Harvesting.Health;
using AgentOps.Evals.Reporting;

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
        command.SetAction((parse, ct) => CliErrors.Guard(() => Task.FromResult(Execute(parse))));
        return command;
    }

    private static int Execute(ParseResult parse)
    {
        var report = GlobalOptions.Open(parse).Health();
        ReportFile.Write(parse.GetValue(Markdown), text => text.Write(HealthMarkdownWriter.Write(report)), Console.Out);
        ReportFile.Write(parse.GetValue(Html), text => text.Write(HealthHtmlWriter.Write(report)), Console.Out);
        if (GlobalOptions.JsonGiven(parse))
        {
            Console.WriteLine(JsonSerializer.Serialize(report, DriftJson.Options));
            return ExitCodes.Ok;
        }
        HealthConsole.Print(report);
        return ExitCodes.Ok;
    }
}
