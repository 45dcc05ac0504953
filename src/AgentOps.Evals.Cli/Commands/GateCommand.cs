using System.CommandLine;
using System.Text;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Cli.Output;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation.ModelGraded;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Judging;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Reporting;
using AgentOps.Evals.Reporting.Html;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
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
        var ws = Workspace.Open(parse);
        var from = parse.GetValue(From) ?? [];
        // Gating two stored runs only reads: it works on a store downloaded read-only from another job.
        await using var store = from.Length == 2 ? await ws.OpenStoreReadOnlyAsync(cancellationToken) : await ws.OpenStoreAsync(cancellationToken);
        if (from.Length > 2) throw new InputException("--from", "--from", $"found {from.Length} runs, expected BASELINE_RUN CANDIDATE_RUN or just CANDIDATE_RUN");
        var k = parse.GetValue(K) ?? ws.Config.Run.K;
        var filter = parse.GetValue(Filter);
        var provider = parse.GetValue(Provider);

        var baselineSpec = from.Length == 2 ? from[0] : parse.GetValue(Baseline) ?? ws.Config.Baseline
            ?? throw new InputException(ws.Config.SourceFile, "--baseline", "no baseline given and none in the config; pass --baseline NAME or set baseline: in eval.config.yaml");
        var candidateSpec = from.Length >= 1 ? from[^1] : parse.GetValue(Candidate)
            ?? throw new InputException("--candidate", "--candidate", "missing; expected the candidate to judge (a name from the config or a stored run id)");

        // Before any client is built: the pipelines add their OpenTelemetry step only when something listens.
        using var telemetry = TelemetrySetup.Start(parse.GetValue(GlobalOptions.Otlp));
        var side = new SideResolver(ws, store, k, filter, provider);
        var baseline = await side.ResolveAsync(baselineSpec, "--baseline", cancellationToken);
        var candidate = await side.ResolveAsync(candidateSpec, "--candidate", cancellationToken);
        if (baseline.Run.RunId == candidate.Run.RunId && baselineSpec != candidateSpec)
            throw new InputException("--from", "--from", "baseline and candidate are the same stored run");

        var verdict = GateEvaluator.Evaluate(new GateInput(baseline.Run, baseline.Trials, candidate.Run, candidate.Trials, ws.Config.Gate));
        if (ws.Config.Judge?.MinAgreement is { } minAgreement)
            verdict = await ApplyJudgeTrustAsync(ws, verdict, minAgreement, baseline, candidate.Run, cancellationToken);
        var linkBase = parse.GetValue(LinkBase) ?? GitHubLinkBase();
        WriteFile(parse.GetValue(JsonFile), new JsonGateReportWriter(), verdict);
        WriteFile(parse.GetValue(JUnitFile), new JUnitGateReportWriter(), verdict);
        WriteFile(parse.GetValue(MarkdownFile), new MarkdownGateReportWriter(linkBase), verdict);
        if (parse.GetValue(HtmlFile) is { } htmlPath)
        {
            var history = await HistoryPoint.LoadAsync(store, candidate.Run.Candidate.Name, cancellationToken: cancellationToken);
            HtmlReport.WriteFile(htmlPath, w => HtmlReport.Write(w, verdict, baseline.Run, baseline.Trials, candidate.Run, candidate.Trials, history));
        }
        if (parse.GetValue(GitHub) && Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true")
        {
            if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
            {
                await using var writer = new StreamWriter(summary, append: true, new UTF8Encoding(false));
                new MarkdownGateReportWriter(linkBase).Write(verdict, writer);
            }
            new GitHubAnnotationsWriter().Write(verdict, Console.Out);
        }
        if (parse.GetValue(JsonFile) != "-" && parse.GetValue(MarkdownFile) != "-") GateConsole.Print(verdict);
        return verdict.ExitCode;
    }

    /// <summary>Calibrates the judge on the human-labelled cases (graded on the baseline's outputs) when gated cases are model-graded.</summary>
    private static async Task<GateVerdict> ApplyJudgeTrustAsync(Workspace ws, GateVerdict verdict, double minAgreement,
        (RunInfo Run, IReadOnlyList<TrialResult> Trials) baseline, RunInfo candidateRun, CancellationToken cancellationToken)
    {
        var cases = ws.LoadCases();
        var gated = candidateRun.Cases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var modelGraded = cases.Where(c => gated.Contains(c.Id) && ModelGrading.NeedsJudge(c, ws.Evaluators)).Select(c => c.Id).ToList();
        if (modelGraded.Count == 0) return verdict;
        var labelled = cases.Where(c => c.ExpectJudge is not null).ToList();
        double? agreement = null;
        var judged = 0;
        if (labelled.Count > 0 && ChatClientFactory.CreateJudge(ws.Config, gradedProvider: baseline.Run.Candidate.Provider) is { } judge)
        {
            var result = await CalibrationJudge.CalibrateAsync(labelled, baseline.Trials, baseline.Run.Candidate, judge, ws.Evaluators, cancellationToken);
            agreement = result.Agreement;
            judged = result.Judged;
        }
        return JudgeTrust.Apply(verdict, minAgreement, agreement, judged, modelGraded);
    }

    private static void WriteFile(string? path, IGateReportWriter writer, GateVerdict verdict)
    {
        if (path is null) return;
        if (path == "-")
        {
            writer.Write(verdict, Console.Out);
            return;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write(verdict, file);
    }

    private static string? GitHubLinkBase() =>
        Environment.GetEnvironmentVariable("GITHUB_SERVER_URL") is { Length: > 0 } server
        && Environment.GetEnvironmentVariable("GITHUB_REPOSITORY") is { Length: > 0 } repo
        && Environment.GetEnvironmentVariable("GITHUB_SHA") is { Length: > 0 } sha
            ? $"{server}/{repo}/blob/{sha}/"
            : null;

    /// <summary>Turns a --baseline/--candidate value into a run: a stored run id, last-green:NAME, or a candidate to run now.</summary>
    private sealed class SideResolver(Workspace ws, SqliteResultStore store, int k, string? filter, string? provider)
    {
        public async Task<(RunInfo Run, IReadOnlyList<TrialResult> Trials)> ResolveAsync(string spec, string field, CancellationToken cancellationToken)
        {
            if (spec.StartsWith("last-green:", StringComparison.Ordinal))
                return await LastGreenAsync(spec["last-green:".Length..], field, cancellationToken);
            if (await store.GetRunAsync(spec, cancellationToken) is { } stored)
                return (stored, await store.GetTrialsAsync(stored.RunId, cancellationToken));
            if (ws.Config.Candidates.ContainsKey(spec))
            {
                var result = await RunExecution.ExecuteAsync(ws, store, new RunRequest(spec, k, filter, null, provider, false, null), cancellationToken);
                if (result.Outcome.Status == RunStatus.Interrupted) throw new OperationCanceledException();
                return (result.Run, result.Trials);
            }
            throw new InputException(ws.StorePath, field,
                $"'{spec}' is neither a candidate ({string.Join(", ", ws.Config.Candidates.Keys.Order())}), a stored run id, nor last-green:CANDIDATE");
        }

        /// <summary>The newest completed run of the candidate on the current golden-set revision that met the pass-rate floor.</summary>
        private async Task<(RunInfo, IReadOnlyList<TrialResult>)> LastGreenAsync(string candidate, string field, CancellationToken cancellationToken)
        {
            var revision = GoldenSetRevision.Compute(CaseSelection.Select(ws.LoadCases(), filter, null));
            var floor = ws.Config.Gate.MinPassRate ?? 0;
            foreach (var run in await store.ListRunsAsync(candidate, cancellationToken))
            {
                if (run.Status != RunStatus.Completed || run.GoldenSetRevision != revision) continue;
                var trials = await store.GetTrialsAsync(run.RunId, cancellationToken);
                var judged = trials.Count(t => t.Outcome != TrialOutcome.InfraError);
                var infraRate = trials.Count == 0 ? 1 : (double)(trials.Count - judged) / trials.Count;
                var passRate = judged == 0 ? 0 : (double)trials.Count(t => t.Passed) / judged;
                if (passRate >= floor && infraRate <= ws.Config.Gate.MaxInfraErrorRate) return (run, trials);
            }
            throw new InputException(ws.StorePath, field,
                $"no green run of '{candidate}' on golden-set revision {revision} in the store; make one with: agentops-evals run --candidate {candidate}");
        }
    }
}
