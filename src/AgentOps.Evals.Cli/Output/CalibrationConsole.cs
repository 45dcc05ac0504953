using System.Globalization;
using AgentOps.Evals.Application;
using Spectre.Console;

namespace AgentOps.Evals.Cli.Output;

/// <summary>The judge's calibration on the console: each labelled case, the confusion counts, agreement and kappa.</summary>
internal static class CalibrationConsole
{
    public static void Print(CalibrationReport report)
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

    private static string Format(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}
