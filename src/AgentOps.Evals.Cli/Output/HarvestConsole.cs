using AgentOps.Evals.Harvesting;
using Spectre.Console;

namespace AgentOps.Evals.Cli.Output;

/// <summary>A harvest run on the console: what was read and flagged, the cases written, time to eval, and lines skipped.</summary>
internal static class HarvestConsole
{
    public static void Print(HarvestSummary s, string outFolder, bool ephemeral)
    {
        AnsiConsole.MarkupLine($"[bold]Harvest[/]: {s.TraceFiles} trace files, {s.Spans} spans, {s.SessionsRead} sessions, {s.FeedbackEvents} feedback events");
        foreach (var (flag, count) in s.FlaggedByFlag.OrderByDescending(p => p.Value))
            AnsiConsole.MarkupLine($"  flagged [yellow]{Markup.Escape(flag)}[/]: {count}");
        AnsiConsole.MarkupLine($"  cases written: [green]{s.CasesWritten.Count}[/] to {Markup.Escape(outFolder)}; already present: {s.CasesAlreadyPresent.Count}; near-duplicates collapsed: {s.DuplicatesCollapsed}");
        var tte = s.TimeToEval;
        if (tte.Cases > 0)
            AnsiConsole.MarkupLine($"  time to eval (feedback → case): median {tte.MedianHours:0.0} h, p90 {tte.P90Hours:0.0} h, max {tte.MaxHours:0.0} h" +
                (tte.PromotedCases > 0 ? $"; {tte.PromotedCases} promoted, median {tte.MedianHoursToPromotion:0.0} h to promotion" : ""));
        if (s.TriageMarkdown is not null) AnsiConsole.MarkupLine($"  triage queue: {Markup.Escape(s.TriageMarkdown)}, {Markup.Escape(s.TriageJson ?? "")}");
        AnsiConsole.MarkupLine(ephemeral ? "  no mapping store (ephemeral key)"
            : s.MappingStoreWritten ? "  mapping store written (never commit it)" : "  mapping store unchanged (no new case)");
        if (s.Skipped.Count > 0)
        {
            AnsiConsole.MarkupLine($"  [yellow]skipped {s.Skipped.Count} bad lines[/] (the rest was harvested):");
            foreach (var line in s.Skipped.Take(20)) Console.WriteLine("    " + line);
            if (s.Skipped.Count > 20) Console.WriteLine($"    … and {s.Skipped.Count - 20} more");
        }
    }
}
