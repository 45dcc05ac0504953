using System.CommandLine;
using AgentOps.Evals.Application;
using AgentOps.Evals.Cli.Output;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Reporting;
using AgentOps.Evals.Reporting.Html;
using AgentOps.Evals.Telemetry;

namespace AgentOps.Evals.Cli.Commands;

/// <summary><c>gate</c>: runs (or reuses) baseline and candidate on the same cases, judges the candidate, and writes pipeline outputs.</summary>
internal static class GateCommand
{
    private static readonly Option<string?> Baseline = new("--baseline", "-b") { Description = "Baseline: a candidate name (run now), a stored run id, or last-green:CANDIDATE (default: the config's baseline)" };
    private static readonly Option<string?> Candidate = new("--candidate", "-c") { Description = "Candidate: a candidate name (run now) or a stored run id" };
    private static readonly Option<string[]> From = new("--from") { Description = "Reuse stored runs: BASELINE_RUN CANDIDATE_RUN, or just CANDIDATE_RUN", AllowMultipleArgumentsPerToken = true };
    private static readonly Option<int?> K = new("-k", "--trials") { Description = "Trials per case for runs made now (default: run.k)" };
    private static readonly Option<string?> Filter = new("--filter") { Description = "Cases to gate on (same syntax as run --filter)" };
    private static readonly Option<string?> Provider = new("--provider") { Description = "Provider for runs made now, instead of each candidate's" };
    private static readonly Option<string?> JsonFile = new("--json") { Description = "Write the verdict as JSON (schemaVersion 1) to this file (- for stdout)" };
    private static readonly Option<string?> JUnitFile = new("--junit") { Description = "Write JUnit XML (one testcase per golden case) to this file" };
    private static readonly Option<string?> MarkdownFile = new("--markdown") { Description = "Write a Markdown summary (PR comment, step summary) to this file (- for stdout)" };
    private static readonly Option<string?> HtmlFile = new("--html") { Description = "Write a self-contained HTML report (verdict, slices, flips, trials side by side, history) to this file" };
    private static readonly Option<bool> GitHub = new("--github") { Description = "Under GITHUB_ACTIONS=true: append the Markdown to GITHUB_STEP_SUMMARY and print ::error annotations on regressed case files" };
    private static readonly Option<string?> LinkBase = new("--link-base") { Description = "Prefix for case-file links in Markdown (default on GitHub: $GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/)" };

    public static Command Create()
    {
        var command = new Command("gate", """
            Compare a candidate with the baseline case by case and decide: exit 0 pass, 1 fail, 2 bad input, 3 inconclusive.

            Examples:
              agentops-evals gate --baseline prod --candidate next
              agentops-evals gate --baseline last-green:prod --candidate next --junit gate.xml --markdown gate.md --html gate.html
              agentops-evals gate --from run-…-prod-1a2b run-…-next-3c4d --json verdict.json
            """)
        {
            Baseline, Candidate, From, K, Filter, Provider, JsonFile, JUnitFile, MarkdownFile, HtmlFile, GitHub, LinkBase, GlobalOptions.Otlp,
        };
        command.SetAction((parse, ct) => CliErrors.Guard(() => ExecuteAsync(parse, ct)));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var ws = GlobalOptions.Open(parse);
        // Before any client is built: the pipelines add their OpenTelemetry step only when something listens.
        using var telemetry = TelemetrySetup.Start(parse.GetValue(GlobalOptions.Otlp));
        var request = new GateRequest(parse.GetValue(Baseline), parse.GetValue(Candidate), parse.GetValue(From), parse.GetValue(K),
            parse.GetValue(Filter), parse.GetValue(Provider), WithHistory: parse.GetValue(HtmlFile) is not null);
        var gate = await ws.GateAsync(request, ProgressView.Instance, cancellationToken);
        var verdict = gate.Verdict;
        var linkBase = parse.GetValue(LinkBase) ?? GitHubActions.BlobLinkBase();
        // Each output on its own: one that fails (a bad path, a writer error) is reported and costs none of the others.
        var errors = new[]
        {
            ReportFile.TryWrite(parse.GetValue(JsonFile), text => new JsonGateReportWriter().Write(verdict, text), Console.Out),
            ReportFile.TryWrite(parse.GetValue(JUnitFile), text => new JUnitGateReportWriter().Write(verdict, text), Console.Out),
            ReportFile.TryWrite(parse.GetValue(MarkdownFile), text => new MarkdownGateReportWriter(linkBase).Write(verdict, text), Console.Out),
            ReportFile.TryWrite(parse.GetValue(HtmlFile), text => HtmlReport.Write(text, verdict, gate.Baseline.Run, gate.Baseline.Trials, gate.Candidate.Run, gate.Candidate.Trials, gate.History), Console.Out),
        }.OfType<string>().ToList();
        foreach (var error in errors) Console.Error.WriteLine($"error: {error}; the other outputs were written");
        if (parse.GetValue(GitHub) && GitHubActions.IsActive) await GitHubActions.PublishAsync(verdict, linkBase, Console.Out);
        if (parse.GetValue(JsonFile) != "-" && parse.GetValue(MarkdownFile) != "-") GateConsole.Print(verdict);
        // An unwritable output path is bad input (2), the user's to fix before any verdict counts; a failing gate still
        // says 1 so a regression is never hidden behind it.
        return errors.Count > 0 && gate.ExitCode != ExitCodes.Fail ? ExitCodes.BadInput : gate.ExitCode;
    }
}
