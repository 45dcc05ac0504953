using System.Globalization;
using AgentOps.Evals.Harvesting.Drift;
using Spectre.Console;

namespace AgentOps.Evals.Cli.Output;

/// <summary>The drift report on the console: a headline, the clusters by uncovered traffic, the shifted dimensions.</summary>
internal static class DriftConsole
{
    public static void Print(DriftReport r)
    {
        var verdict = r.Drifted ? "[red]DRIFT[/]" : "[green]no drift[/]";
        AnsiConsole.MarkupLine($"{verdict}  {r.Queries} queries ({Markup.Escape(DriftMarkdownWriter.Window(r))}), {r.PreviousQueries} in the previous window, {r.ActiveCases} active cases, vectors {Markup.Escape(r.Vectors)}");
        AnsiConsole.MarkupLine(Inv($"traffic in clusters with no case: [bold]{r.NoCaseShare:P1}[/]; unclustered {r.UnclusteredShare:P1}") + (r.SampledFraction < 1 ? Inv($"; from a {r.SampledFraction:P1} sample") : ""));
        var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "traffic", "prev", "cases", "case share", "top terms", "lang", "👎", "example (anonymized)", "");
        foreach (var c in r.Clusters.Take(30))
            table.AddRow(Inv($"{c.Id}"), Inv($"{c.TrafficShare:P1}"), c.PreviousTrafficShare is { } p ? Inv($"{p:P1}") : "–", Inv($"{c.Cases}"), Inv($"{c.CaseShare:P1}"),
                Markup.Escape(string.Join(", ", c.TopTerms)), Markup.Escape(string.Join(",", c.Languages.Keys)), Inv($"{c.ThumbsDownRate:P0}"),
                Markup.Escape(Short(c.Examples.FirstOrDefault() ?? "")), c.Flagged ? "[red]flagged[/]" : "");
        AnsiConsole.Write(table);
        if (r.Clusters.Count > 30) AnsiConsole.MarkupLine($"… {r.Clusters.Count - 30} more clusters (--json, --markdown)");
        foreach (var s in r.Shifts.Where(s => s.Exceeded))
            AnsiConsole.MarkupLine(Inv($"[yellow]shift[/] {Markup.Escape(s.Dimension)} against {s.Against}: PSI {s.Psi:0.000} > {s.Threshold:0.###}"));
        foreach (var f in r.Findings.Where(f => f.Contains("thumbs-down", StringComparison.Ordinal))) AnsiConsole.MarkupLine("[yellow]" + Markup.Escape(f) + "[/]");
        if (r.CasesWritten.Count + r.CasesAlreadyPresent.Count > 0)
            AnsiConsole.MarkupLine($"sampled into the queue: [green]{r.CasesWritten.Count}[/] new needs-label cases, {r.CasesAlreadyPresent.Count} already there");
        if (r.Skipped.Count > 0)
        {
            AnsiConsole.MarkupLine($"[yellow]skipped {r.Skipped.Count} bad lines[/] (the rest was read):");
            foreach (var line in r.Skipped.Take(10)) Console.WriteLine("  " + line);
        }
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..59] + "…";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
