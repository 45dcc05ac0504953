using System.CommandLine;
using AgentOps.Evals.Application;
using AgentOps.Evals.Cli.Output;
using AgentOps.Evals.Reporting;
using AgentOps.Evals.Running;
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
              agentops-evals run --resume run-20260701-120000-prod-1a2b --retry-infra
            """)
        {
            Candidate, K, Filter, ShardOption, Record, Resume, RetryInfra, Provider, Concurrency, GlobalOptions.Otlp, GlobalOptions.Json,
        };
        command.SetAction((parse, ct) => CliErrors.Guard(() => ExecuteAsync(parse, ct)));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var ws = GlobalOptions.Open(parse);
        var request = await ws.PrepareRunAsync(new RunArguments(parse.GetValue(Candidate), parse.GetValue(K), parse.GetValue(Filter), parse.GetValue(ShardOption),
            parse.GetValue(Resume), parse.GetValue(RetryInfra), parse.GetValue(Provider), parse.GetValue(Record), parse.GetValue(Concurrency)), cancellationToken);
        // Before any client is built: the pipelines add their OpenTelemetry step only when something listens.
        using var telemetry = TelemetrySetup.Start(parse.GetValue(GlobalOptions.Otlp));
        var result = await ws.RunAsync(request, ProgressView.Instance, fullTrials: false, cancellationToken);
        var (run, trials, outcome, elapsed) = result;
        var json = GlobalOptions.JsonGiven(parse);
        if (json) Console.WriteLine(result.ToJson());
        else RunTable.Print(run, trials);

        if (outcome.Status == RunStatus.Interrupted)
            Console.Error.WriteLine($"Interrupted: {trials.Count} trials stored. Resume with: agentops-evals run --resume {run.RunId}");
        else if (result.TooManyInfraErrors)
            Console.Error.WriteLine($"Could not evaluate (retry them with: agentops-evals run --resume {run.RunId} --retry-infra): {result.Totals.InfraErrors} of {trials.Count} trials ({result.InfraRate:P1}) hit infrastructure errors, above gate.max-infra-error-rate {result.MaxInfraErrorRate:P0}. First: {ModelText.ForTerminal(trials.First(t => t.Outcome == TrialOutcome.InfraError).Error ?? "")}");
        else if (!json)
            Console.WriteLine($"Stored as {run.RunId} in {ws.StorePath} ({outcome.TrialsRun} trials run, {outcome.TrialsSkipped} already stored{(outcome.InfraErrorsRetried > 0 ? $", {outcome.InfraErrorsRetried} infrastructure errors retried" : "")}, {elapsed.TotalSeconds:0.0} s).");
        return result.ExitCode;
    }
}
