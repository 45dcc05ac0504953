using System.CommandLine;
using AgentOps.Evals.Cli.Output;
using AgentOps.Evals.Harvesting.Application;
using Spectre.Console;

namespace AgentOps.Evals.Cli.Commands;

/// <summary><c>harvest</c>: production traces and thumbs-down feedback into anonymized needs-label cases and a triage queue.</summary>
internal static class HarvestCommand
{
    private static readonly Option<string[]> Traces = new("--traces") { Description = "OTLP JSON trace/log files or globs (default: harvest.traces)", AllowMultipleArgumentsPerToken = true };
    private static readonly Option<string[]> Feedback = new("--feedback") { Description = "Feedback JSON-lines files or globs (default: harvest.feedback)", AllowMultipleArgumentsPerToken = true };
    private static readonly Option<string?> Out = new("--out") { Description = "Folder for new cases and triage.md/json (default: harvest.out)" };
    private static readonly Option<string?> Since = new("--since") { Description = "Only sessions from this date on (yyyy-MM-dd or ISO 8601)" };
    private static readonly Option<int?> Limit = new("--limit") { Description = "Write at most N cases, highest ranked first (default: harvest.limit)" };
    private static readonly Option<bool> Ephemeral = new("--ephemeral-key") { Description = "Run without a key: a random one; fakes change every run and no mapping store is written" };
    private static readonly Option<string?> Reidentify = new("--reidentify") { Description = "Print the originals behind CASE-ID's pseudonyms and fakes (needs the key and the mapping store)" };

    public static Command Create()
    {
        var command = new Command("harvest", """
            Turn flagged production sessions (thumbs-down, max-tokens stops, tool-error streaks, cost outliers, guardrails)
            into anonymized golden cases with status needs-label, plus a ranked triage queue. Needs the key in
            harvest.key-env (default AGENTOPS_HMAC_KEY, base64, ≥ 16 bytes) unless --ephemeral-key.

            Examples:
              AGENTOPS_HMAC_KEY=$(openssl rand -base64 32) agentops-evals harvest --since 2026-06-29 --limit 50
              agentops-evals harvest --traces 'otel/*.json' --feedback 'feedback/*.jsonl' --out golden-set/harvested --ephemeral-key
              agentops-evals harvest --reidentify harvested-3f9a21c07b
            """)
        {
            Traces, Feedback, Out, Since, Limit, Ephemeral, Reidentify, GlobalOptions.Json,
        };
        command.SetAction((parse, ct) => CliErrors.Guard(() => ExecuteAsync(parse, ct)));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var ws = GlobalOptions.Open(parse);
        if (parse.GetValue(Reidentify) is { } caseId)
        {
            var table = new Table().AddColumns("kind", "in the case", "original");
            foreach (var value in ws.Reidentify(caseId)) table.AddRow(Markup.Escape(value.Kind), Markup.Escape(value.Replacement), Markup.Escape(value.Original));
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        }
        var harvest = await ws.HarvestAsync(new HarvestArguments
        {
            Traces = parse.GetValue(Traces),
            Feedback = parse.GetValue(Feedback),
            Out = parse.GetValue(Out),
            Since = TimeArgument.ParseOptional(parse.GetValue(Since)),
            Limit = parse.GetValue(Limit),
            EphemeralKey = parse.GetValue(Ephemeral),
        }, cancellationToken);
        if (GlobalOptions.JsonGiven(parse)) Console.WriteLine(harvest.ToJson());
        else HarvestConsole.Print(harvest.Summary, harvest.Out, harvest.EphemeralKey);
        return ExitCodes.Ok;
    }
}
