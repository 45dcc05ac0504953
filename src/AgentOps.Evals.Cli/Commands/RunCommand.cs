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
    private static readonly Option<bool> RetryInfra = new("--retry-infra") { Description = "With --resume: run again the trials that ended in an infrastructure error (timeouts, 5xx, rate limits)" };
    private static readonly Option<string?> Provider = new("--provider") { Description = "Use this provider instead of the candidate's (e.g. a live one with --record)" };
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
            Candidate, K, Filter, ShardOption, Record, Resume, RetryInfra, Provider, Concurrency, GlobalOptions.Otlp, GlobalOptions.Json,
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
        if (parse.GetValue(RetryInfra) && resumed is null)
            throw new InputException("--retry-infra", "--retry-infra", "only means something with --resume RUN (a new run has no stored trials to retry)");
        var candidateName = resumed?.Candidate.Name ?? parse.GetValue(Candidate) ?? ws.Config.Baseline ?? SingleCandidate(ws);
        var filter = resumed?.Filter ?? parse.GetValue(Filter);
        var shard = resumed?.Shard ?? parse.GetValue(ShardOption);
        var k = resumed?.K ?? parse.GetValue(K) ?? ws.Config.Run.K;

        // Before any client is built: the pipelines add their OpenTelemetry step only when something listens.
        using var telemetry = TelemetrySetup.Start(parse.GetValue(GlobalOptions.Otlp));
        var result = await RunExecution.ExecuteAsync(ws, store,
            new RunRequest(candidateName, k, filter, shard, parse.GetValue(Provider), parse.GetValue(Record), parse.GetValue(Concurrency), resumed, parse.GetValue(RetryInfra)),
            cancellationToken, fullTrials: false);
        var (stored, trials, outcome, elapsed) = result;
        var run = stored;
        var infra = trials.Count(t => t.Outcome == TrialOutcome.InfraError);
        var infraRate = trials.Count == 0 ? 0 : (double)infra / trials.Count;
        if (ws.Json) PrintJson(stored, trials, outcome, elapsed);
        else RunTable.Print(stored, trials);

        if (outcome.Status == RunStatus.Interrupted)
        {
            Console.Error.WriteLine($"Interrupted: {trials.Count} trials stored. Resume with: agentops-evals run --resume {run.RunId}");
            return ExitCodes.Inconclusive;
        }
        if (infraRate > ws.Config.Gate.MaxInfraErrorRate)
        {
            Console.Error.WriteLine($"Could not evaluate (retry them with: agentops-evals run --resume {run.RunId} --retry-infra): {infra} of {trials.Count} trials ({infraRate:P1}) hit infrastructure errors, above gate.max-infra-error-rate {ws.Config.Gate.MaxInfraErrorRate:P0}. First: {Reporting.ModelText.ForTerminal(trials.First(t => t.Outcome == TrialOutcome.InfraError).Error ?? "")}");
            return ExitCodes.Inconclusive;
        }
        if (!ws.Json) Console.WriteLine($"Stored as {run.RunId} in {ws.StorePath} ({outcome.TrialsRun} trials run, {outcome.TrialsSkipped} already stored{(outcome.InfraErrorsRetried > 0 ? $", {outcome.InfraErrorsRetried} infrastructure errors retried" : "")}, {elapsed.TotalSeconds:0.0} s).");
        return ExitCodes.Ok;
    }

    private static string SingleCandidate(Workspace ws) => ws.Config.Candidates.Count == 1
        ? ws.Config.Candidates.Keys.First()
        : throw new InputException(ws.Config.SourceFile, "--candidate",
            ws.Config.Candidates.Count == 0 ? "no candidates in the config; add one under candidates:" : $"several candidates and no baseline; pass --candidate ({string.Join(", ", ws.Config.Candidates.Keys.Order())})");

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
            infraErrorsRetried = outcome.InfraErrorsRetried,
            seconds = Math.Round(elapsed.TotalSeconds, 3),
            suites = summary,
        }, CliJson.Options));
    }
}
