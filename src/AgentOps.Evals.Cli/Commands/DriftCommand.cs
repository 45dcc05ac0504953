using System.CommandLine;
using System.Text.Json;
using AgentOps.Evals.Cli.Output;
using AgentOps.Evals.Harvesting.Application;
using AgentOps.Evals.Harvesting.Drift;
using AgentOps.Evals.Reporting;

namespace AgentOps.Evals.Cli.Commands;

/// <summary><c>drift</c>: production inputs against golden-set coverage; exit 1 when a cluster is flagged or a dimension shifted.</summary>
internal static class DriftCommand
{
    private static readonly Option<string[]> Traces = new("--traces") { Description = "OTLP JSON trace/log files or globs (default: harvest.traces)", AllowMultipleArgumentsPerToken = true };
    private static readonly Option<string[]> Feedback = new("--feedback") { Description = "Feedback JSON-lines files or globs (default: harvest.feedback)", AllowMultipleArgumentsPerToken = true };
    private static readonly Option<string?> Since = new("--since") { Description = "Start of this window (yyyy-MM-dd or ISO 8601); the previous window is as long, just before it" };
    private static readonly Option<string?> Until = new("--until") { Description = "End of this window, exclusive (default: the newest query)" };
    private static readonly Option<string?> PreviousSince = new("--previous-since") { Description = "Start of the previous window (default: as long as this one)" };
    private static readonly Option<string?> Out = new("--out") { Description = "Folder for sampled needs-label cases and the triage queue (default: harvest.out)" };
    private static readonly Option<bool> NoSample = new("--no-sample") { Description = "Report only: write no case" };
    private static readonly Option<bool> Ephemeral = new("--ephemeral-key") { Description = "Run without the harvest key: a random one, no mapping store" };
    private static readonly Option<bool> RecordEmbeddings = new("--record-embeddings") { Description = "With drift.embeddings: call the provider for texts not in the cassette, and record them" };
    private static readonly Option<string?> Markdown = new("--markdown") { Description = "Write the report as Markdown to FILE" };
    private static readonly Option<string?> Html = new("--html") { Description = "Write a self-contained HTML page to FILE" };

    public static Command Create()
    {
        var command = new Command("drift", """
            Compare what production users ask with what the golden set covers: intent clusters of production queries and
            golden inputs (local hashed TF-IDF vectors, or drift.embeddings), each with its traffic and case share. A cluster
            above drift.min-traffic-share of traffic and below drift.max-case-share of cases is flagged and up to drift.sample
            of its queries are written as anonymized needs-label cases (like harvest). PSI per dimension (language, locale,
            length, tools, model, prompt, intent mix) against the previous window and the golden set.
            Exit 0: nothing crossed a threshold; 1: drift; 2: bad input.

            Examples:
              agentops-evals drift --since 2026-06-28 --markdown drift.md --html drift.html
              agentops-evals drift --traces 'otel/*.json' --feedback 'feedback/*.jsonl' --since 2026-11-23 --until 2026-11-30 --json
              agentops-evals drift --no-sample --ephemeral-key
            """)
        {
            Traces, Feedback, Since, Until, PreviousSince, Out, NoSample, Ephemeral, RecordEmbeddings, Markdown, Html, GlobalOptions.Json,
        };
        command.SetAction((parse, ct) => CliErrors.Guard(() => ExecuteAsync(parse, ct)));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken ct)
    {
        var report = await GlobalOptions.Open(parse).DriftAsync(new DriftArguments
        {
            Traces = parse.GetValue(Traces),
            Feedback = parse.GetValue(Feedback),
            Since = TimeArgument.ParseOptional(parse.GetValue(Since), "--since"),
            Until = TimeArgument.ParseOptional(parse.GetValue(Until), "--until"),
            PreviousSince = TimeArgument.ParseOptional(parse.GetValue(PreviousSince), "--previous-since"),
            Out = parse.GetValue(Out) is { } o ? Path.GetFullPath(o) : null,
            NoSample = parse.GetValue(NoSample),
            RecordEmbeddings = parse.GetValue(RecordEmbeddings),
        }, ephemeralKey: parse.GetValue(Ephemeral), ct);
        ReportFile.Write(parse.GetValue(Markdown), text => text.Write(DriftMarkdownWriter.Write(report)), Console.Out);
        ReportFile.Write(parse.GetValue(Html), text => text.Write(DriftHtmlWriter.Write(report)), Console.Out);
        if (GlobalOptions.JsonGiven(parse)) Console.WriteLine(JsonSerializer.Serialize(report, DriftJson.Options));
        else DriftConsole.Print(report);
        return report.Drifted ? ExitCodes.Fail : ExitCodes.Ok;
    }
}
