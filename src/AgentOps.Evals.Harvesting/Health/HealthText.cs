using System.Globalization;

namespace AgentOps.Evals.Harvesting.Health;

/// <summary>Headline sentences and cell formats the health console, Markdown and HTML share, so they never disagree.</summary>
public static class HealthText
{
    /// <summary>One sentence per figure: cases and production share, P0 time to active, backlog, debt, incidents, harvest, drift coverage.</summary>
    public static IReadOnlyList<string> Headlines(HealthReport r)
    {
        var last = r.Weeks.LastOrDefault();
        var growth = r.Weeks.Count >= 2 ? r.Weeks[^1].Cases - r.Weeks[^2].Cases : (int?)null;
        var lines = new List<string>
        {
            Inv($"{r.Cases} cases now") + (last is null ? " (no git history)" : Inv($"; {last.ProductionShare:P0} production-sourced this week") + (growth is { } g ? Inv($", {g:+#;-#;0} on last week") : "")),
            r.P0WithinTarget is { } p ? Inv($"P0 feedback → active within {r.P0TargetHours:0} h: {p:P0}") : Inv($"P0 feedback → active within {r.P0TargetHours:0} h: no P0 case promoted from feedback yet"),
            Inv($"needs-label backlog: {r.Backlog}") + (r.BacklogMedianAgeDays is { } m ? Inv($", median age {m:0.#} days, oldest {r.BacklogMaxAgeDays:0.#} days") : ""),
            Inv($"quarantined: {r.Quarantined.Count}; flaky in recent runs: {r.Flaky.Count}"),
            r.IncidentsListed == 0 ? "incidents: none listed (health.incidents / health.incidents-file)"
                : Inv($"incidents without a case: {r.IncidentsWithoutCases.Count} of {r.IncidentsListed}") + (r.IncidentsWithoutCases.Count > 0 ? " (" + string.Join(", ", r.IncidentsWithoutCases) + ")" : ""),
            r.HarvestWeeks.LastOrDefault() is { } h
                ? Inv($"harvest ({h.Week}, from the store): {h.Runs} runs, {h.CasesWritten} cases written") + (h.MedianHoursToCase is { } mh ? Inv($", feedback → case median {mh:0.#} h") : "")
                : "harvest: no harvest run stored yet",
            r.NoCaseTrafficShare is { } share ? Inv($"traffic in clusters with no case (drift {r.LastDriftAt:yyyy-MM-dd}): {share:P1}, {r.FlaggedClusters} flagged clusters") : "coverage against drift: no drift run stored yet",
        };
        return lines;
    }

    /// <summary>Counts as "key n, key n" in the dictionary's order.</summary>
    public static string Counts(IReadOnlyDictionary<string, int> counts) => string.Join(", ", counts.Select(c => Inv($"{c.Key} {c.Value}")));

    /// <summary>Hours with at most one decimal, or a dash when there is no figure.</summary>
    public static string Hours(double? hours) => hours is { } h ? h.ToString("0.#", CultureInfo.InvariantCulture) : "–";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
