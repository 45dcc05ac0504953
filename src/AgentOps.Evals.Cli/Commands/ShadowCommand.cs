using System.CommandLine;
using System.Text;
using AgentOps.Evals.Application;
using AgentOps.Evals.Cli.Output;
using AgentOps.Evals.Harvesting.Shadowing;
using AgentOps.Evals.Shadowing;
using AgentOps.Evals.Telemetry;

namespace AgentOps.Evals.Cli.Commands;

/// <summary><c>shadow</c>: a candidate beside the baseline (or production's recorded answers) on sampled, anonymized, unlabelled production inputs.</summary>
internal static class ShadowCommand
{
    private static readonly Option<string?> Baseline = new("--baseline", "-b") { Description = "Baseline: a candidate name, or production (the answers recorded in the traces) (default: the config's baseline)" };
    private static readonly Option<string> Candidate = new("--candidate", "-c") { Description = "Candidate to try on production inputs", Required = true };
    private static readonly Option<string[]> Traces = new("--traces") { Description = "Sample a new shadow set from these OTLP JSON files or globs (default: use the stored set in shadow.set)", AllowMultipleArgumentsPerToken = true };
    private static readonly Option<string?> Since = new("--since") { Description = "With --traces: only sessions from this date on (yyyy-MM-dd or ISO 8601)" };
    private static readonly Option<int?> Sample = new("--sample") { Description = "With --traces: sessions to sample, stratified by shadow.slices (default: shadow.sample)" };
    private static readonly Option<int> Seed = new("--seed") { Description = "With --traces: the sampling seed (same traces, same seed, same sample)", DefaultValueFactory = _ => 17 };
    private static readonly Option<bool> Ephemeral = new("--ephemeral-key") { Description = "With --traces: anonymize with a random key (fakes change every sample, so recorded responses will not replay)" };
    private static readonly Option<string?> Set = new("--set") { Description = "The shadow set folder (default: shadow.set)" };
    private static readonly Option<int?> K = new("-k", "--trials") { Description = "Answers per input and side (default: shadow.k); each side's own agreement is the noise floor" };
    private static readonly Option<string?> Provider = new("--provider") { Description = "Provider for both sides, instead of each candidate's" };
    private static readonly Option<bool> Record = new("--record") { Description = "Record every call (both sides and the judge) to the cassettes" };
    private static readonly Option<bool> NoJudge = new("--no-judge") { Description = "Skip the pairwise judge (its rules are reported as off)" };
    private static readonly Option<string?> Resume = new("--resume") { Description = "Finish a killed shadow (its shadow id, or either side's run id): stored trials make no model call again" };
    private static readonly Option<string?> JsonFile = new("--json") { Description = "Write the report as JSON (schemaVersion 1) to this file (- for stdout)" };
    private static readonly Option<string?> MarkdownFile = new("--markdown") { Description = "Write a Markdown report to this file (- for stdout)" };
    private static readonly Option<string?> HtmlFile = new("--html") { Description = "Write a self-contained HTML report to this file" };

    public static Command Create()
    {
        var command = new Command("shadow", """
            Try a candidate on sampled, anonymized production inputs beside the baseline, without labels: cost, latency,
            refusals, finish reasons, tool-call and output divergence (against each side's own k-trial noise floor), and a
            judge's pairwise preference with the order swapped. Exit 0 pass, 1 fail, 2 bad input, 3 inconclusive.

            Examples:
              agentops-evals shadow --baseline prod --candidate next
              AGENTOPS_HMAC_KEY=… agentops-evals shadow --traces 'otel/*.json' --since 2026-06-29 --sample 40 --candidate next --provider live --record
              agentops-evals shadow --baseline production --candidate next --html shadow.html --json shadow.json
            """)
        {
            Baseline, Candidate, Traces, Since, Sample, Seed, Ephemeral, Set, K, Provider, Record, NoJudge, Resume, JsonFile, MarkdownFile, HtmlFile, GlobalOptions.Otlp,
        };
        command.SetAction((parse, ct) => CliErrors.Guard(() => ExecuteAsync(parse, ct)));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var ws = GlobalOptions.Open(parse);
        using var telemetry = TelemetrySetup.Start(parse.GetValue(GlobalOptions.Otlp));
        var options = ws.Config.Shadow;
        var folder = parse.GetValue(Set) is { } set ? Path.GetFullPath(set) : ws.Config.Resolve(options.Set);
        if (parse.GetValue(Traces) is { Length: > 0 } traces)
        {
            var key = HarvestCommand.ReadKey(ws.Config.Harvest.KeyEnv, required: !parse.GetValue(Ephemeral));
            var summary = ShadowSampler.Sample(new ShadowSampleRequest
            {
                Traces = traces,
                Out = folder,
                Sample = parse.GetValue(Sample) ?? options.Sample,
                Since = parse.GetValue(Since) is { } since ? HarvestCommand.ParseSince(since) : null,
                Slices = options.Slices,
                Key = key,
                EphemeralKey = key is null,
                Seed = parse.GetValue(Seed),
                Pricing = ws.Config.Pricing,
                SchemaPath = Path.GetRelativePath(folder, Path.Combine(ws.GoldenSetRoot, "case.schema.json")).Replace('\\', '/'),
            }, cancellationToken);
            ShadowConsole.PrintSample(summary, folder);
        }

        var request = new ShadowRequest(parse.GetValue(Baseline) ?? ws.DefaultCandidate(), parse.GetValue(Candidate)!, parse.GetValue(K) ?? options.K,
            ws.LoadShadowSet(folder), parse.GetValue(Provider), parse.GetValue(Record), Judge: !parse.GetValue(NoJudge), Resume: parse.GetValue(Resume));
        var report = await ws.ShadowAsync(request, ProgressView.Instance, cancellationToken);
        Write(parse.GetValue(JsonFile), ShadowJsonWriter.ToJson(report));
        Write(parse.GetValue(MarkdownFile), ShadowMarkdownWriter.ToMarkdown(report));
        Write(parse.GetValue(HtmlFile), ShadowHtmlWriter.ToHtml(report));
        if (parse.GetValue(JsonFile) != "-" && parse.GetValue(MarkdownFile) != "-") ShadowConsole.Print(report);
        return (int)report.Verdict.Outcome;
    }

    private static void Write(string? path, string text)
    {
        if (path is null) return;
        if (path == "-") { Console.Out.Write(text); return; }
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir) Directory.CreateDirectory(dir);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
