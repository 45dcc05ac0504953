using AgentOps.Evals.Harvesting.Shadowing;
using AgentOps.Evals.Shadowing;
using Spectre.Console;

namespace AgentOps.Evals.Cli.Output;

/// <summary>Prints a shadow report and a sampling summary for people; the figures are the report's, formatted by <see cref="ShadowText"/>.</summary>
internal static class ShadowConsole
{
    public static void PrintSample(ShadowSampleSummary s, string folder)
    {
        AnsiConsole.MarkupLine($"[bold]Shadow sample[/]: {s.SessionsRead} sessions read, {s.Written.Count} inputs written to {Markup.Escape(folder)} (anonymized)");
        foreach (var (stratum, (sessions, sampled)) in s.Strata) AnsiConsole.MarkupLine($"  {Markup.Escape(stratum)}: {sampled} of {sessions}");
        if (s.WithoutConversation > 0) AnsiConsole.MarkupLine($"  [yellow]{s.WithoutConversation} sampled session(s) had no user message in the trace[/] (skipped)");
        if (s.MissingAttributes.Count > 0) AnsiConsole.MarkupLine($"  not stratified by {Markup.Escape(string.Join(", ", s.MissingAttributes))}: no session carries it");
        if (s.Skipped > 0)
        {
            AnsiConsole.MarkupLine($"  [yellow]skipped {s.Skipped} bad trace line(s)[/] (the rest was sampled):");
            foreach (var line in s.SkippedLines.Take(20)) Console.WriteLine("    " + line);
            if (s.SkippedLines.Count > 20) Console.WriteLine($"    … and {s.SkippedLines.Count - 20} more");
        }
    }

    public static void Print(ShadowReport report)
    {
        var v = report.Verdict;
        var colour = v.Outcome switch { Gating.GateOutcome.Pass => "green", Gating.GateOutcome.Fail => "red", _ => "yellow" };
        AnsiConsole.MarkupLine($"[bold]Shadow[/] {Markup.Escape(report.Candidate)} vs {Markup.Escape(report.Baseline)} on {report.Inputs.Count} production inputs, k = {report.K}: [{colour} bold]{v.Outcome.ToString().ToUpperInvariant()}[/]");
        AnsiConsole.MarkupLine(Markup.Escape($"  shadow {report.ShadowId}: {report.TrialsRun} trial(s) run, {report.TrialsReused} already stored"));
        foreach (var note in report.Notes) AnsiConsole.MarkupLine($"  [grey]note: {Markup.Escape(note)}[/]");
        var table = new Table().AddColumns("slice", "inputs", "rule", "estimate [[bounds]] vs limit", "decision");
        foreach (var slice in v.Slices)
            foreach (var c in slice.Checks)
                table.AddRow(Markup.Escape(slice.Slice), slice.Inputs.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Rule,
                    Markup.Escape($"{ShadowText.RuleFigure(c.Rule, c.Estimate)} [{ShadowText.RuleFigure(c.Rule, c.Lower)}, {ShadowText.RuleFigure(c.Rule, c.Upper)}] vs {ShadowText.RuleFigure(c.Rule, c.Limit)}"),
                    Markup.Escape(c.Decision + (c.WouldDecide is null ? "" : ": " + c.WouldDecide)));
        AnsiConsole.Write(table);
        if (v.RulesOff.Count > 0) AnsiConsole.MarkupLine($"  rules off: {Markup.Escape(string.Join(", ", v.RulesOff))}");
        if (v.Slices.FirstOrDefault()?.Judge is { } j)
            AnsiConsole.MarkupLine(Markup.Escape($"  judge (both orders): {j.Wins} win / {j.Ties} tie / {j.Losses} loss, {j.Failed} unjudged; win rate {ShadowText.Percent(j.WinRate.Estimate)} [{ShadowText.Percent(j.WinRate.Lower)}, {ShadowText.Percent(j.WinRate.Upper)}]"));
        if (ShadowText.Rubric(report) is { Length: > 0 } rubric) AnsiConsole.MarkupLine("  " + Markup.Escape(rubric));
        foreach (var (name, d) in new[] { (report.Baseline, report.BaselineDistribution), (report.Candidate, report.CandidateDistribution) })
            AnsiConsole.MarkupLine(Markup.Escape($"  {name}: {d.Trials} answers, {ShadowText.Usd(d.MeanCostUsd)}/request, latency p50 {ShadowText.Figure(d.LatencyP50Ms, "0")} ms p95 {ShadowText.Figure(d.LatencyP95Ms, "0")} ms, refusals {ShadowText.Percent(d.RefusalRate.Estimate)}, finish {string.Join(", ", d.FinishReasons.Select(r => $"{r.Key} {r.Value}"))}"));
        AnsiConsole.MarkupLine("  most divergent inputs:");
        foreach (var c in report.MostDivergent(3))
            AnsiConsole.MarkupLine(Markup.Escape($"    {c.Id}: excess {ShadowText.Figure(c.Output.Excess, "0.000")} (cross {ShadowText.Figure(c.Output.CrossAgreement, "0.000")} vs own {ShadowText.Figure(c.Output.NoiseFloor, "0.000")}), judge {c.Judgement?.Outcome?.ToString().ToLowerInvariant() ?? "-"}: {Excerpt(c.Input.Case.Input.LastUserMessage)}"));
    }

    private static string Excerpt(string text) => text.Length <= 80 ? text.ReplaceLineEndings(" ") : text[..80].ReplaceLineEndings(" ") + "…";
}
