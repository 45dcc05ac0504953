using System.CommandLine;
using AgentOps.Evals.Cli.Output;
using AgentOps.Evals.Reporting;
using AgentOps.Evals.Reporting.Html;

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
            RunTable.PrintList(await ws.ListRunsAsync(cancellationToken));
            return ExitCodes.Ok;
        }
        var (run, trials, history) = await ws.ReportAsync(id, withHistory: parse.GetValue(HtmlFile) is not null, cancellationToken);
        // Each output on its own: one the user pointed at an unwritable path is reported (bad input, exit 2) and costs none of the others.
        var html = parse.GetValue(HtmlFile);
        var errors = new[]
        {
            ReportFile.TryWrite(parse.GetValue(JsonFile), text => RunJsonReport.Write(run, trials, text), Console.Out),
            ReportFile.TryWrite(parse.GetValue(MarkdownFile), text => RunMarkdownReport.Write(run, trials, text), Console.Out),
            html is null ? null : ReportFile.TryWrite(html, text => HtmlReport.Write(text, run, trials, history)),
        }.OfType<string>().ToList();
        if (html is not null && !errors.Exists(e => e.StartsWith($"could not write {html}:", StringComparison.Ordinal)))
            Console.Error.WriteLine($"wrote {Path.GetFullPath(html)}");
        foreach (var error in errors) Console.Error.WriteLine($"error: {error}");
        if (errors.Count > 0)
        {
            Console.Error.WriteLine("the other outputs were written.");
            return ExitCodes.BadInput;
        }
        if (parse.GetValue(JsonFile) is null && parse.GetValue(MarkdownFile) is null && parse.GetValue(HtmlFile) is null) RunTable.Print(run, trials);
        return ExitCodes.Ok;
    }
}
