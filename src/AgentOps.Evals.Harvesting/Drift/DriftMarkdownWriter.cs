using System.Globalization;
using System.Text;

namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>A drift report as Markdown, for a PR comment or the issue a nightly job opens. Pure.</summary>
public static class DriftMarkdownWriter
{
    public static string Write(DriftReport r)
    {
        var b = new StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"# Drift: {(r.Drifted ? "DRIFT" : "no drift")}");
        b.AppendLine();
        var sample = r.SampledFraction < 1 ? string.Create(CultureInfo.InvariantCulture, $"; figures from a {r.SampledFraction:P1} hash sample") : "";
        b.AppendLine(CultureInfo.InvariantCulture, $"{r.Queries} production queries ({Window(r)}), {r.PreviousQueries} in the previous window, {r.ActiveCases} active cases; vectors: {r.Vectors}{sample}.");
        b.AppendLine(CultureInfo.InvariantCulture, $"Traffic in clusters with no case: **{r.NoCaseShare:P1}**; unclustered: {r.UnclusteredShare:P1}.");
        b.AppendLine();
        if (r.Findings.Count > 0)
        {
            b.AppendLine("## Findings");
            foreach (var f in r.Findings) b.AppendLine("- " + Cell(f));
            b.AppendLine();
        }
        b.AppendLine("## Intent clusters (by uncovered traffic)");
        b.AppendLine();
        b.AppendLine("| cluster | traffic | previous | cases | case share | top terms | languages | thumbs-down | example | flagged |");
        b.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var c in r.Clusters)
            b.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.Id} | {c.TrafficShare:P1} | {(c.PreviousTrafficShare is { } p ? p.ToString("P1", CultureInfo.InvariantCulture) : "–")} | {c.Cases} | {c.CaseShare:P1} | {Cell(string.Join(", ", c.TopTerms))} | {Cell(string.Join(", ", c.Languages.Keys))} | {c.ThumbsDownRate:P0} | {Cell(c.Examples.FirstOrDefault() ?? "")} | {(c.Flagged ? "**yes**" : "")} |");
        b.AppendLine();
        b.AppendLine("## Distribution shift (PSI)");
        b.AppendLine();
        b.AppendLine("| dimension | against | PSI | threshold | shifted |");
        b.AppendLine("|---|---|---|---|---|");
        foreach (var s in r.Shifts)
            b.AppendLine(CultureInfo.InvariantCulture, $"| {s.Dimension} | {s.Against} | {s.Psi:0.000} | {s.Threshold:0.###} | {(s.Exceeded ? "**yes**" : "")} |");
        if (r.CasesWritten.Count > 0 || r.CasesAlreadyPresent.Count > 0)
        {
            b.AppendLine();
            b.AppendLine(CultureInfo.InvariantCulture, $"Sampled into the annotation queue: {r.CasesWritten.Count} new needs-label cases ({r.CasesAlreadyPresent.Count} already there).");
        }
        return b.ToString();
    }

    /// <summary>The window in words, for headlines.</summary>
    public static string Window(DriftReport r) => r.Since is { } s
        ? string.Create(CultureInfo.InvariantCulture, $"{s:yyyy-MM-dd HH:mm} to {r.Until:yyyy-MM-dd HH:mm} UTC")
        : "all traces read";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
