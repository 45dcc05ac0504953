using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AgentOps.Evals.Application;
using AgentOps.Evals.Judging;
using AgentOps.Evals.Running;
using AgentOps.Evals.Telemetry;
using Spectre.Console;

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
        if (GlobalOptions.JsonGiven(parse)) PrintJson(report.Run, report.Result);
        else Print(report);
        return ExitCodes.Ok;
    }

    private static void Print(CalibrationReport report)
    {
        var (run, result, minAgreement) = report;
        var table = new Table().AddColumns("case", "human", "judge", "reason");
        foreach (var item in result.Items)
        {
            var judge = item.JudgePass is { } p ? (p ? "pass" : "fail") : "[yellow]error[/]";
            var agree = item.JudgePass is { } q && q != item.HumanPass ? "[red]" + judge + "[/]" : judge;
            table.AddRow(Markup.Escape(item.CaseId), item.HumanPass ? "pass" : "fail", agree, Markup.Escape(item.Reason));
        }
        AnsiConsole.Write(table);
        Console.WriteLine($"Judge vs human labels on outputs of {run.RunId} ({run.Candidate.Name}): {result.Judged} judged, {result.JudgeErrors} not judged.");
        Console.WriteLine($"  both pass {result.BothPass}, both fail {result.BothFail}, human pass/judge fail {result.HumanPassJudgeFail}, human fail/judge pass {result.HumanFailJudgePass}");
        Console.WriteLine($"  agreement {Format(result.Agreement, "P1")}, Cohen's kappa {Format(result.Kappa, "0.00")}{(result.Kappa is null && result.Judged > 0 ? " (undefined: every label and verdict is the same class)" : "")}");
        if (report.BelowMinimum)
            Console.Error.WriteLine($"Agreement {result.Agreement!.Value.ToString("P1", CultureInfo.InvariantCulture)} is below judge.min-agreement {minAgreement!.Value.ToString("P0", CultureInfo.InvariantCulture)}: do not trust judge rules until the judge or its prompts improve.");
    }

    private static void PrintJson(RunInfo run, CalibrationResult result) =>
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            runId = run.RunId,
            candidate = run.Candidate.Name,
            judged = result.Judged,
            agreed = result.Agreed,
            judgeErrors = result.JudgeErrors,
            agreement = result.Agreement,
            kappa = result.Kappa,
            confusion = new { bothPass = result.BothPass, bothFail = result.BothFail, humanPassJudgeFail = result.HumanPassJudgeFail, humanFailJudgePass = result.HumanFailJudgePass },
            cases = result.Items,
        }, CliJson.Options));

    private static string Format(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}
