using System.CommandLine;
using System.Globalization;
using AgentOps.Evals.Cli.Output;
using AgentOps.Evals.Reporting;
using AgentOps.Evals.Reporting.Html;
using Spectre.Console;

namespace AgentOps.Evals.Cli.Commands;

/// <summary><c>report</c>: renders a stored run as JSON or Markdown, or lists stored runs.</summary>
internal static class ReportCommand
{
    private static readonly Argument<string?> Run = new("RUN") { Description = "Run id (see --list)", Arity = ArgumentArity.ZeroOrOne };
    private static readonly Option<string?> JsonFile = new("--json") { Description = "Write the run as JSON to this file (- for stdout)" };
    private static readonly Option<string?> MarkdownFile = new("--markdown") { Description = "Write the run as Markdown to this file (- for stdout)" };
    private static readonly Option<string?> HtmlFile = new("--html") { Description = "Write a self-contained HTML report (no network needed to view it) to this file" };
    private static readonly Option<bool> List = new("--list") { Description = "List stored runs, newest first" };

    public static Command Create()
    {
        var command = new Command("report", """
            Render a stored run, or list stored runs.

            Examples:
              agentops-evals report --list
              agentops-evals report run-20260701-120000-prod-1a2b --markdown summary.md --json run.json
              agentops-evals report run-20260701-120000-prod-1a2b --html report.html
            """) { Run, JsonFile, MarkdownFile, HtmlFile, List };
        command.SetAction((parse, ct) => CliErrors.Guard(() => ExecuteAsync(parse, ct)));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var ws = GlobalOptions.Open(parse);
        if (parse.GetValue(List) || parse.GetValue(Run) is not { } id)
        {
            var table = new Table().AddColumns("run", "candidate", "model", "prompt", "k", "cases", "status", "started");
            foreach (var r in await ws.ListRunsAsync(cancellationToken))
                table.AddRow(Markup.Escape(r.RunId), Markup.Escape(r.Candidate.Name), Markup.Escape(r.Candidate.ModelId), r.Candidate.PromptHash,
                    r.K.ToString(CultureInfo.InvariantCulture), r.Cases.Count.ToString(CultureInfo.InvariantCulture), r.Status.ToString(), r.StartedAt.ToString("u", CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        }
        var (run, trials, history) = await ws.ReportAsync(id, withHistory: parse.GetValue(HtmlFile) is not null, cancellationToken);
        var wrote = false;
        if (parse.GetValue(JsonFile) is { } jsonPath)
        {
            if (jsonPath == "-")
            {
                await using var stdout = Console.OpenStandardOutput();
                RunJsonReport.Write(run, trials, stdout);
            }
            else ReportFile.Write(jsonPath, text => text.Write(JsonText(run, trials)));
            wrote = true;
        }
        if (parse.GetValue(MarkdownFile) is { } markdownPath)
        {
            if (markdownPath == "-") RunMarkdownReport.Write(run, trials, Console.Out);
            else ReportFile.Write(markdownPath, text => RunMarkdownReport.Write(run, trials, text));
            wrote = true;
        }
        if (parse.GetValue(HtmlFile) is { } htmlPath)
        {
            ReportFile.Write(htmlPath, writer => HtmlReport.Write(writer, run, trials, history));
            Console.Error.WriteLine($"wrote {Path.GetFullPath(htmlPath)}");
            wrote = true;
        }
        if (!wrote) RunTable.Print(run, trials);
        return ExitCodes.Ok;
    }

    private static string JsonText(Running.RunInfo run, IReadOnlyList<Running.TrialResult> trials)
    {
        using var buffer = new MemoryStream();
        RunJsonReport.Write(run, trials, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
