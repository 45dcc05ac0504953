using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Cli.Output;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation.ModelGraded;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Telemetry;

namespace AgentOps.Evals.Cli.Commands;

/// <summary><c>run</c>: replays the golden set against a candidate, k trials a case, and stores every trial.</summary>
internal static class RunCommand
{
    private static readonly Option<string?> Candidate = new("--candidate", "-c") { Description = "Candidate to run (default: the config's baseline)" };
    private static readonly Option<int?> K = new("-k", "--trials") { Description = "Trials per case (default: run.k; a case's consistency.k wins)" };
    private static readonly Option<string?> Filter = new("--filter") { Description = "Cases to run: id:GLOB, tag:GLOB, suite:GLOB, severity:P0, status:active; ',' = or, '+' = and" };
    private static readonly Option<string?> ShardOption = new("--shard") { Description = "Run shard i of n (e.g. 2/4), split by a stable hash of the case id" };
    private static readonly Option<bool> Record = new("--record") { Description = "Record every live call to the candidate's cassette (fixtures/cassettes/CANDIDATE.jsonl)" };
    private static readonly Option<string?> Resume = new("--resume") { Description = "Finish a stored run: trials already stored make no model call" };
    private static readonly Option<string?> Provider = new("--provider") { Description = "Use this provider instead of the candidate's (e.g. a live one with --record)" };
    private static readonly Option<string?> Otlp = new("--otlp") { Description = "Export spans and metrics over OTLP to this endpoint (default: OTEL_EXPORTER_OTLP_ENDPOINT; off when neither is set)" };
    private static readonly Option<int?> Concurrency = new("--concurrency") { Description = "Trials in flight at once (default: run.concurrency)" };

    public static Command Create()
    {
        var command = new Command("run", """
            Run the golden set against a candidate and store every trial.

            Examples:
              agentops-evals run                                  # baseline candidate, on cassettes
              agentops-evals run --candidate next -k 5 --filter suite:refunds
              agentops-evals run --candidate prod --provider fake --record
              agentops-evals run --shard 2/4                      # one job of a CI matrix; then 'merge'
              agentops-evals run --resume run-20260701-120000-prod-1a2b
            """)
        {
            Candidate, K, Filter, ShardOption, Record, Resume, Provider, Concurrency, Otlp, GlobalOptions.Json,
        };
        command.SetAction((parse, ct) => CliErrors.Guard(() => ExecuteAsync(parse, ct)));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var ws = Workspace.Open(parse);
        await using var store = await ws.OpenStoreAsync(cancellationToken);

        RunInfo? resumed = null;
        if (parse.GetValue(Resume) is { } resumeId)
        {
            resumed = await store.GetRunAsync(resumeId, cancellationToken)
                ?? throw new InputException(ws.StorePath, "--resume", $"no run '{resumeId}' in the store; list runs with: agentops-evals report --list");
        }
        var candidateName = resumed?.Candidate.Name ?? parse.GetValue(Candidate) ?? ws.Config.Baseline ?? SingleCandidate(ws);
        var filter = resumed?.Filter ?? parse.GetValue(Filter);
        var shard = resumed?.Shard ?? parse.GetValue(ShardOption);
        var k = resumed?.K ?? parse.GetValue(K) ?? ws.Config.Run.K;
        if (k < 1) throw new InputException("-k", "-k", $"found {k}, expected a whole number ≥ 1");

        var cases = CaseSelection.Select(ws.LoadCases(), filter, shard);
        if (cases.Count == 0)
            throw new InputException(ws.GoldenSetRoot, "--filter", $"no active case matches '{filter}'{(shard is null ? "" : $" in shard {shard}")}");

        // Before any client is built: the pipelines add their OpenTelemetry step only when something listens.
        using var telemetry = TelemetrySetup.Start(parse.GetValue(Otlp));
        var session = CandidateSession.Open(ws.Config, candidateName, parse.GetValue(Provider), parse.GetValue(Record));
        // The judge is built only when a selected case asks for it, so runs without model-graded cases need no judge key.
        CassetteFile? judgeRecording = null;
        Microsoft.Extensions.AI.IChatClient? judge = null;
        if (cases.Any(c => ModelGrading.NeedsJudge(c, ws.Evaluators)))
        {
            if (parse.GetValue(Record)) judgeRecording = CassetteFile.Load(CassetteFile.PathFor(CandidateSession.CassetteFolder(ws.Config), ChatClientFactory.JudgeCassette));
            judge = ChatClientFactory.CreateJudge(ws.Config, judgeRecording);
        }
        var run = resumed ?? new RunInfo
        {
            RunId = NewRunId(candidateName),
            Candidate = session.Identity,
            K = k,
            GoldenSetRevision = GoldenSetRevision.Compute(cases),
            StartedAt = DateTimeOffset.UtcNow,
            Filter = filter,
            Shard = shard,
            Cases = cases.Select(c => new RunCase(c.Id, c.Suite, c.Severity.ToString(), c.Tags, Path.GetRelativePath(Directory.GetCurrentDirectory(), c.Location.File), c.Consistency?.K ?? k, c.Title)).ToList(),
            GitCommit = GitInfo.Commit(),
            GitBranch = GitInfo.Branch(),
        };
        var plan = new RunPlan
        {
            Run = run,
            Cases = cases,
            Target = session.Target,
            Evaluators = ws.Evaluators,
            Concurrency = parse.GetValue(Concurrency) ?? ws.Config.Run.Concurrency,
            Judge = judge,
        };

        RunOutcome outcome;
        var clock = Stopwatch.StartNew();
        try
        {
            outcome = await ProgressView.RunAsync(candidateName, progress => new EvalRunner().RunAsync(plan, store, progress, cancellationToken));
        }
        finally
        {
            var recorded = session.SaveRecordings();
            if (session.RecordingPath is { } path) Console.Error.WriteLine($"recorded {recorded} calls to {path}");
            if (judgeRecording is not null)
            {
                judgeRecording.Save();
                Console.Error.WriteLine($"recorded {judgeRecording.Count} judge calls to {judgeRecording.Path}");
            }
        }

        var stored = await store.GetRunAsync(run.RunId, CancellationToken.None) ?? run;
        var trials = await store.GetTrialsAsync(run.RunId, CancellationToken.None);
        var infra = trials.Count(t => t.Outcome == TrialOutcome.InfraError);
        var infraRate = trials.Count == 0 ? 0 : (double)infra / trials.Count;
        if (ws.Json) PrintJson(stored, trials, outcome, clock.Elapsed);
        else RunTable.Print(stored, trials);

        if (outcome.Status == RunStatus.Interrupted)
        {
            Console.Error.WriteLine($"Interrupted: {trials.Count} trials stored. Resume with: agentops-evals run --resume {run.RunId}");
            return ExitCodes.Inconclusive;
        }
        if (infraRate > ws.Config.Gate.MaxInfraErrorRate)
        {
            Console.Error.WriteLine($"Could not evaluate: {infra} of {trials.Count} trials ({infraRate:P1}) hit infrastructure errors, above gate.max-infra-error-rate {ws.Config.Gate.MaxInfraErrorRate:P0}. First: {trials.First(t => t.Outcome == TrialOutcome.InfraError).Error}");
            return ExitCodes.Inconclusive;
        }
        if (!ws.Json) Console.WriteLine($"Stored as {run.RunId} in {ws.StorePath} ({outcome.TrialsRun} trials run, {outcome.TrialsSkipped} already stored, {clock.Elapsed.TotalSeconds:0.0} s).");
        return ExitCodes.Ok;
    }

    private static string SingleCandidate(Workspace ws) => ws.Config.Candidates.Count == 1
        ? ws.Config.Candidates.Keys.First()
        : throw new InputException(ws.Config.Resolve("eval.config.yaml"), "--candidate",
            ws.Config.Candidates.Count == 0 ? "no candidates in the config; add one under candidates:" : $"several candidates and no baseline; pass --candidate ({string.Join(", ", ws.Config.Candidates.Keys.Order())})");

    private static string NewRunId(string candidate) =>
        $"run-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{candidate}-{Random.Shared.Next(0x10000):x4}";

    private static void PrintJson(RunInfo run, IReadOnlyList<TrialResult> trials, RunOutcome outcome, TimeSpan elapsed)
    {
        var summary = SuiteSummary.Summarize(run, trials);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            runId = run.RunId,
            status = outcome.Status.ToString(),
            candidate = run.Candidate,
            k = run.K,
            trialsRun = outcome.TrialsRun,
            trialsSkipped = outcome.TrialsSkipped,
            seconds = Math.Round(elapsed.TotalSeconds, 3),
            suites = summary,
        }, CliJson.Options));
    }
}
