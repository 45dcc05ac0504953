using System.Globalization;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Harvesting.Drift;

namespace AgentOps.Evals.Harvesting.Health;

/// <summary>
/// <c>health</c>: reads the golden set (files and git history), the results store's run history and its last drift
/// runs, and computes the program's figures. Reads only; calls no model.
/// </summary>
internal static class HealthJob
{
    public static HealthReport Run(IReadOnlyList<GoldenCase> cases, string goldenSetRoot, string storePath, HealthOptions options, EvalConfig config, TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var history = CaseHistory.Read(goldenSetRoot);
        var byId = history.ToDictionary(t => Path.GetFileNameWithoutExtension(t.Path), StringComparer.Ordinal);
        CaseTimeline? Timeline(GoldenCase c) => byId.GetValueOrDefault(c.Id);
        DateTimeOffset? Created(GoldenCase c) => Timeline(c)?.Added ?? (c.Created is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);

        var weeks = Weeks(history, now);
        var (rows, p0Within) = TimeToEval(cases, Timeline, Created, options.P0TargetHours);
        var backlogAges = cases.Where(c => c.Status == CaseStatus.NeedsLabel).Select(c => Created(c) is { } at ? (now - at).TotalDays : (double?)null).ToList();
        var known = backlogAges.OfType<double>().ToList();
        var quarantined = cases.Where(c => c.Status == CaseStatus.Quarantined).Select(c =>
        {
            var since = Timeline(c)?.FirstTime("quarantined") is not null ? Timeline(c)!.Statuses.Last(s => s.Status == "quarantined").At : (DateTimeOffset?)null;
            return new DebtCase(c.Id, since, since is { } s ? Math.Round((now - s).TotalDays, 1) : null, c.Source ?? "");
        }).OrderByDescending(d => d.Days ?? 0).ToList();
        var incidents = Incidents(options, config);
        var drift = DriftHistory.Recent(storePath, 1).FirstOrDefault();
        var harvestWeeks = HarvestWeeks(HarvestHistory.Since(storePath, now.AddDays(-7 * 26)), weeks);
        return new HealthReport
        {
            At = now,
            Cases = cases.Count,
            Weeks = weeks,
            TimeToEval = rows,
            HarvestWeeks = harvestWeeks,
            P0TargetHours = options.P0TargetHours,
            P0WithinTarget = p0Within,
            Backlog = backlogAges.Count,
            BacklogMedianAgeDays = known.Count == 0 ? null : Math.Round(Median(known), 1),
            BacklogMaxAgeDays = known.Count == 0 ? null : Math.Round(known.Max(), 1),
            Quarantined = quarantined,
            Flaky = RunHistory.FlakyCases(storePath, options.FlakyRuns, now),
            IncidentsListed = incidents.Count,
            IncidentsWithoutCases = incidents.Where(id => !cases.Any(c => c.Source?.Contains(id, StringComparison.OrdinalIgnoreCase) == true)).ToList(),
            NoCaseTrafficShare = drift?.NoCaseShare,
            FlaggedClusters = drift?.Clusters.Count(c => c.Flagged),
            LastDriftAt = drift?.At,
        };
    }

    /// <summary>Sources harvest and drift write (<c>thumbs-down-2026-06-28</c>, <c>drift-…</c>) and incidents are production; the rest hand-written.</summary>
    public static bool IsProductionSourced(string? source) =>
        source is not null && (source.StartsWith("incident", StringComparison.OrdinalIgnoreCase)
            || Enum.GetValues<HarvestFlag>().Any(f => source.StartsWith(f.ToName() + "-", StringComparison.Ordinal)));

    private static List<WeekFigures> Weeks(IReadOnlyList<CaseTimeline> history, DateTimeOffset now)
    {
        var weeks = new List<WeekFigures>();
        var added = history.Select(h => h.Added).OfType<DateTimeOffset>().ToList();
        if (added.Count == 0) return weeks;
        var start = WeekStart(added.Min());
        for (var week = start; week <= now; week = week.AddDays(7))
        {
            var end = week.AddDays(7);
            var existing = history.Where(h => h.ExistsAt(end.AddTicks(-1))).ToList();
            weeks.Add(new WeekFigures(WeekName(week),
                existing.Count, existing.Count(h => IsProductionSourced(h.Source)), history.Count(h => h.Added >= week && h.Added < end),
                existing.GroupBy(h => h.Suite).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key.Length == 0 ? "(root)" : g.Key, g => g.Count()),
                existing.GroupBy(h => h.Severity ?? "P2").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count())));
        }
        return weeks;
    }

    private static List<HarvestWeek> HarvestWeeks(IReadOnlyList<HarvestRun> runs, List<WeekFigures> weeks) =>
        runs.GroupBy(r => WeekName(WeekStart(r.At))).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var written = g.Sum(r => r.CasesWritten);
            var added = weeks.FirstOrDefault(w => w.Week == g.Key)?.Added;
            var medians = g.Select(r => r.TimeToEval.MedianHours).OfType<double>().ToList();
            var maxima = g.Select(r => r.TimeToEval.MaxHours).OfType<double>().ToList();
            var promotion = g.Select(r => r.TimeToEval.MedianHoursToPromotion).OfType<double>().ToList();
            return new HarvestWeek(g.Key, g.Count(), written, added is > 0 ? Math.Round(Math.Min(1, (double)written / added.Value), 3) : null,
                g.Sum(r => r.TimeToEval.Cases), medians.Count == 0 ? null : Math.Round(Median(medians), 1), maxima.Count == 0 ? null : Math.Round(maxima.Max(), 1),
                g.Sum(r => r.TimeToEval.PromotedCases), promotion.Count == 0 ? null : Math.Round(Median(promotion), 1));
        }).ToList();

    private static string WeekName(DateTimeOffset week) =>
        ISOWeek.GetYear(week.UtcDateTime) + "-W" + ISOWeek.GetWeekOfYear(week.UtcDateTime).ToString("00", CultureInfo.InvariantCulture);

    private static DateTimeOffset WeekStart(DateTimeOffset at)
    {
        var day = at.UtcDateTime.Date;
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new DateTimeOffset(monday, TimeSpan.Zero);
    }

    private static (List<TimeToEvalRow> Rows, double? P0Within) TimeToEval(IReadOnlyList<GoldenCase> cases, Func<GoldenCase, CaseTimeline?> timeline,
        Func<GoldenCase, DateTimeOffset?> created, double targetHours)
    {
        var items = new List<(string Category, string Severity, double? ToCase, double? ToActive)>();
        foreach (var c in cases)
        {
            if (FeedbackAt(c) is not { } feedbackAt) continue;
            var category = c.Evidence?["feedback"]?["category"]?.GetValue<string>() ?? "uncategorized";
            var toCase = created(c) is { } made ? (made - feedbackAt).TotalHours : (double?)null;
            var toActive = timeline(c)?.FirstTime("active") is { } active ? (active - feedbackAt).TotalHours : (double?)null;
            items.Add((category, c.Severity.ToString(), toCase, toActive));
        }
        var rows = items.GroupBy(i => (i.Category, i.Severity)).OrderBy(g => g.Key.Severity, StringComparer.Ordinal).ThenBy(g => g.Key.Category, StringComparer.Ordinal)
            .Select(g =>
            {
                var toCase = g.Select(i => i.ToCase).OfType<double>().ToList();
                var toActive = g.Select(i => i.ToActive).OfType<double>().ToList();
                return new TimeToEvalRow(g.Key.Category, g.Key.Severity, g.Count(), toCase.Count == 0 ? null : Math.Round(Median(toCase), 1),
                    toActive.Count, toActive.Count == 0 ? null : Math.Round(Median(toActive), 1), toActive.Count == 0 ? null : Math.Round(toActive.Max(), 1));
            }).ToList();
        var p0 = items.Where(i => i.Severity == "P0" && i.ToActive is not null).ToList();
        return (rows, p0.Count == 0 ? null : (double)p0.Count(i => i.ToActive <= targetHours) / p0.Count);
    }

    /// <summary>When the feedback behind a harvested case was given (<c>evidence.feedback.at</c>).</summary>
    private static DateTimeOffset? FeedbackAt(GoldenCase c) =>
        c.Evidence?["feedback"]?["at"]?.GetValue<string>() is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static List<string> Incidents(HealthOptions options, EvalConfig config)
    {
        var ids = new List<string>(options.Incidents);
        if (options.IncidentsFile is { } file)
        {
            var path = config.Resolve(file);
            if (!File.Exists(path)) throw new InputException(path, "health.incidents-file", "file not found; expected one incident id per line");
            ids.AddRange(File.ReadLines(path).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0));
        }
        return ids.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
