using System.CommandLine;
using AgentOps.Evals.Application;
using AgentOps.Evals.Cli.Output;
using AgentOps.Evals.Telemetry;

namespace AgentOps.Evals.Cli.Commands;

/// <summary><c>calibrate</c>: runs the judge on the stored outputs of cases labelled <c>expect-judge: pass|fail</c>
/// and reports how often it agrees with the labels, and Cohen's kappa.</summary>
internal static class CalibrateCommand
{
    private static readonly Option<string?> Run = new("--run") { Description = "The stored run whose outputs the judge grades (default: the latest completed run of the baseline candidate)" };

    public static Command Create()
    {
        var command = new Command("calibrate", """
            Score the judge against human labels: cases with `expect-judge: pass|fail` are graded by the judge
            on their recorded output, and agreement and Cohen's kappa are reported.

            Examples:
              agentops-evals calibrate                        # outputs of the latest baseline run
              agentops-evals calibrate --run run-20260701-120000-prod-1a2b --json
              agentops-evals calibrate --otlp http://127.0.0.1:4318    # the judge's calls as spans and metrics
            """) { Run, GlobalOptions.Otlp, GlobalOptions.Json };
        command.SetAction((parse, ct) => CliErrors.Guard(() => ExecuteAsync(parse, ct)));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var ws = GlobalOptions.Open(parse);
        // Before the judge's client is built: its pipeline adds the OpenTelemetry step only when something listens.
        using var telemetry = TelemetrySetup.Start(parse.GetValue(GlobalOptions.Otlp));
        var report = await ws.CalibrateAsync(parse.GetValue(Run), cancellationToken);
        if (GlobalOptions.JsonGiven(parse)) Console.WriteLine(report.ToJson());
        else CalibrationConsole.Print(report);
        return ExitCodes.Ok;
    }
}
