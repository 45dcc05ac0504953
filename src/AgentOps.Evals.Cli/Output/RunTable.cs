using AgentOps.Evals.Reporting;
using System.Globalization;
using AgentOps.Evals.Running;
using Spectre.Console;

namespace AgentOps.Evals.Cli.Output;

/// <summary>The per-suite table printed after a run, and the failed cases under it.</summary>
internal static class RunTable
{
    public static void Print(RunInfo run, IReadOnlyList<TrialResult> trials, int maxFailures = 10)
    {
        var c = run.Candidate;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(run.RunId)}[/]  candidate [bold]{Markup.Escape(c.Name)}[/]  model {Markup.Escape(c.ModelId)}  prompt {Markup.Escape(c.PromptHash)}  provider {Markup.Escape(c.Provider)}{(c.Settings.Length > 0 ? "  settings " + Markup.Escape(c.Settings) : "")}  k={run.K}  harness {Markup.Escape(c.HarnessVersion)}");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("suite", "cases", "trials", "passed", "failed", "infra", "pass rate", "cases all-pass", "cost USD", "p95 ms");
        foreach (var row in SuiteSummary.Summarize(run, trials))
        {
            var rate = (row.PassRate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
            var color = row.Failed == 0 && row.InfraErrors == 0 ? "green" : row.PassRate >= 0.9 ? "yellow" : "red";
            table.AddRow(
                row.Suite == "all" ? "[bold]all[/]" : Markup.Escape(row.Suite),
                row.Cases.ToString(CultureInfo.InvariantCulture), row.Trials.ToString(CultureInfo.InvariantCulture),
                row.Passed.ToString(CultureInfo.InvariantCulture), row.Failed.ToString(CultureInfo.InvariantCulture),
                row.InfraErrors.ToString(CultureInfo.InvariantCulture), $"[{color}]{rate}[/]",
                $"{row.CasesAllPassed}/{row.Cases}", row.CostUsd.ToString("0.0000", CultureInfo.InvariantCulture),
                row.P95LatencyMs.ToString("0", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);

        var failed = trials.Where(t => t.Outcome != TrialOutcome.Passed).GroupBy(t => t.CaseId).ToList();
        foreach (var group in failed.Take(maxFailures))
        {
            var first = group.First();
            var reasons = first.Error is not null ? [first.Error] : first.Assertions.Where(a => !a.Passed).Select(a => $"{a.Type}: {a.Reason}").ToList();
            AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(group.Key)} ({group.Count()}/{run.Cases.FirstOrDefault(x => x.Id == group.Key)?.K ?? run.K} trials not passed): {Markup.Escape(ModelText.ForTerminal(string.Join("; ", reasons)))}");
        }
        if (failed.Count > maxFailures)
            AnsiConsole.MarkupLine($"… and {failed.Count - maxFailures} more cases with failures (agentops-evals report {Markup.Escape(run.RunId)} --markdown FILE)");
    }

    /// <summary>Stored runs, one row each (<c>report --list</c>).</summary>
    public static void PrintList(IReadOnlyList<RunInfo> runs)
    {
        var table = new Table().AddColumns("run", "candidate", "model", "prompt", "k", "cases", "status", "started");
        foreach (var r in runs)
            table.AddRow(Markup.Escape(r.RunId), Markup.Escape(r.Candidate.Name), Markup.Escape(r.Candidate.ModelId), r.Candidate.PromptHash,
                r.K.ToString(CultureInfo.InvariantCulture), r.Cases.Count.ToString(CultureInfo.InvariantCulture), r.Status.ToString(), r.StartedAt.ToString("u", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
    }
}
