using System.Globalization;
using System.Text;

namespace AgentOps.Evals.Harvesting.Health;

/// <summary>The health report as Markdown (a weekly issue or a PR comment). Pure.</summary>
public static class HealthMarkdownWriter
{
    /// <summary>The report's full Markdown text.</summary>
    public static string Write(HealthReport r)
    {
        var b = new StringBuilder();
        b.AppendLine("# Eval program health").AppendLine();
        foreach (var line in HealthText.Headlines(r)) b.AppendLine("- " + line);
        b.AppendLine().AppendLine("## Cases per week").AppendLine();
        b.AppendLine("| week | cases | added | production-sourced | by suite | by severity |").AppendLine("|---|---|---|---|---|---|");
        foreach (var w in r.Weeks)
            b.AppendLine(CultureInfo.InvariantCulture, $"| {w.Week} | {w.Cases} | {w.Added} | {w.ProductionShare:P0} ({w.ProductionSourced}) | {HealthText.Counts(w.BySuite)} | {HealthText.Counts(w.BySeverity)} |");
        b.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Time to eval (target for P0: {r.P0TargetHours:0} h to active)").AppendLine();
        b.AppendLine("| severity | category | cases | median h to case | promoted | median h to active | max h to active |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var t in r.TimeToEval)
            b.AppendLine(CultureInfo.InvariantCulture, $"| {t.Severity} | {t.Category} | {t.Cases} | {HealthText.Hours(t.MedianHoursToCase)} | {t.Promoted} | {HealthText.Hours(t.MedianHoursToActive)} | {HealthText.Hours(t.MaxHoursToActive)} |");
        b.AppendLine().AppendLine("## Harvest runs per week (from the store)").AppendLine();
        b.AppendLine("| week | runs | cases written | share of cases added | feedback cases | median h to case | max h to case | promoted | median h to promotion |").AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var h in r.HarvestWeeks)
            b.AppendLine(CultureInfo.InvariantCulture, $"| {h.Week} | {h.Runs} | {h.CasesWritten} | {(h.ProductionShareOfAdded is { } p ? p.ToString("P0", CultureInfo.InvariantCulture) : "–")} | {h.FeedbackCases} | {HealthText.Hours(h.MedianHoursToCase)} | {HealthText.Hours(h.MaxHoursToCase)} | {h.Promoted} | {HealthText.Hours(h.MedianHoursToPromotion)} |");
        b.AppendLine().AppendLine("## Debt").AppendLine();
        b.AppendLine("| case | kind | since | days | detail |").AppendLine("|---|---|---|---|---|");
        foreach (var (kind, list) in new[] { ("quarantined", r.Quarantined), ("flaky", r.Flaky) })
            foreach (var d in list)
                b.AppendLine(CultureInfo.InvariantCulture, $"| {d.CaseId} | {kind} | {d.Since:yyyy-MM-dd} | {d.Days} | {d.Detail.Replace("|", "\\|", StringComparison.Ordinal)} |");
        return b.ToString();
    }
}
