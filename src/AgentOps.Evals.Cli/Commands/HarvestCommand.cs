using System.CommandLine;
using System.Globalization;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Harvesting;
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
        var options = ws.Config.Harvest;
        var key = ReadKey(options.KeyEnv, required: !parse.GetValue(Ephemeral) || parse.GetValue(Reidentify) is not null);

        var mappingStore = ws.Config.Resolve(options.MappingStore);
        if (parse.GetValue(Ephemeral) is false || parse.GetValue(Reidentify) is not null)
            MappingStoreLocation.EnsureSafe(mappingStore, ws.GoldenSetRoot);
        if (parse.GetValue(Reidentify) is { } caseId)
        {
            var values = MappingStore.Reidentify(caseId, ws.Config.Resolve(options.MappingStore), key!);
            var table = new Table().AddColumns("kind", "in the case", "original");
            foreach (var value in values) table.AddRow(Markup.Escape(value.Kind), Markup.Escape(value.Replacement), Markup.Escape(value.Original));
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        }

        var traces = parse.GetValue(Traces) is { Length: > 0 } t ? t : options.Traces.Select(ws.Config.Resolve).ToArray();
        var feedback = parse.GetValue(Feedback) is { Length: > 0 } f ? f : options.Feedback.Select(ws.Config.Resolve).ToArray();
        var outFolder = parse.GetValue(Out) ?? ws.Config.Resolve(options.Out);
        var request = new HarvestRequest
        {
            Traces = traces,
            Feedback = feedback,
            Out = outFolder,
            Since = parse.GetValue(Since) is { } since ? ParseSince(since) : null,
            Limit = parse.GetValue(Limit) ?? options.Limit,
            Key = key,
            EphemeralKey = key is null,
            MappingStore = ws.Config.Resolve(options.MappingStore),
            Thresholds = FlagThresholds.From(options.Thresholds),
            Pricing = ws.Config.Pricing,
            SchemaPath = Path.GetRelativePath(outFolder, Path.Combine(ws.GoldenSetRoot, "case.schema.json")).Replace('\\', '/'),
        };
        var summary = await new HarvestJob().RunAsync(request, cancellationToken);
        AgentOps.Evals.Harvesting.Health.HarvestHistory.Record(ws.StorePath, summary, request.Time.GetUtcNow());
        if (GlobalOptions.JsonGiven(parse)) Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(summary, CliJson.Options));
        else Print(summary, outFolder, ephemeral: key is null);
        return ExitCodes.Ok;
    }

    internal static byte[]? ReadKey(string variable, bool required)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(text))
        {
            if (!required) return null;
            throw new InputException(variable, "harvest.key-env",
                $"environment variable {variable} is not set; set it to a base64 key of at least 16 bytes (openssl rand -base64 32), or pass --ephemeral-key for a throwaway run");
        }
        try { return Convert.FromBase64String(text); }
        catch (FormatException)
        {
            // The message never repeats the value: it is a secret.
            throw new InputException(variable, "harvest.key-env", $"environment variable {variable} is not base64; expected e.g. the output of: openssl rand -base64 32");
        }
    }

    internal static DateTimeOffset ParseSince(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            ? since
            : throw new InputException("--since", "--since", $"found '{text}', expected a date like 2026-06-29 or an ISO 8601 time");

    private static void Print(HarvestSummary s, string outFolder, bool ephemeral)
    {
        AnsiConsole.MarkupLine($"[bold]Harvest[/]: {s.TraceFiles} trace files, {s.Spans} spans, {s.SessionsRead} sessions, {s.FeedbackEvents} feedback events");
        foreach (var (flag, count) in s.FlaggedByFlag.OrderByDescending(p => p.Value))
            AnsiConsole.MarkupLine($"  flagged [yellow]{Markup.Escape(flag)}[/]: {count}");
        AnsiConsole.MarkupLine($"  cases written: [green]{s.CasesWritten.Count}[/] to {Markup.Escape(outFolder)}; already present: {s.CasesAlreadyPresent.Count}; near-duplicates collapsed: {s.DuplicatesCollapsed}");
        var tte = s.TimeToEval;
        if (tte.Cases > 0)
            AnsiConsole.MarkupLine($"  time to eval (feedback → case): median {tte.MedianHours:0.0} h, p90 {tte.P90Hours:0.0} h, max {tte.MaxHours:0.0} h" +
                (tte.PromotedCases > 0 ? $"; {tte.PromotedCases} promoted, median {tte.MedianHoursToPromotion:0.0} h to promotion" : ""));
        if (s.TriageMarkdown is not null) AnsiConsole.MarkupLine($"  triage queue: {Markup.Escape(s.TriageMarkdown)}, {Markup.Escape(s.TriageJson ?? "")}");
        AnsiConsole.MarkupLine(ephemeral ? "  no mapping store (ephemeral key)"
            : s.MappingStoreWritten ? "  mapping store written (never commit it)" : "  mapping store unchanged (no new case)");
        if (s.Skipped.Count > 0)
        {
            AnsiConsole.MarkupLine($"  [yellow]skipped {s.Skipped.Count} bad lines[/] (the rest was harvested):");
            foreach (var line in s.Skipped.Take(20)) Console.WriteLine("    " + line);
            if (s.Skipped.Count > 20) Console.WriteLine($"    … and {s.Skipped.Count - 20} more");
        }
    }
}
