using System.Diagnostics;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Harvesting;
using AgentOps.Evals.Harvesting.Health;

namespace AgentOps.Evals.Tests.Drift;

/// <summary>Health's figures against a small golden-set history made in a test repository, commit by commit, at known times.</summary>
public sealed class HealthJobTests : IDisposable
{
    private readonly string repo = Path.Combine(Path.GetTempPath(), "agentops-health-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(repo))
        {
            foreach (var file in Directory.EnumerateFiles(repo, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(repo, recursive: true);
        }
    }

    private static string Case(string id, string status, string severity, string source, string? feedbackAt = null, string category = "wrong") => $"""
        id: {id}
        title: {id}
        tags: [t]
        severity: {severity}
        status: {status}
        source: {source}
        input:
          messages:
            - {"{"}role: user, content: "Where is my order?"{"}"}
        expect:
          - {"{"}type: contains, value: "order"{"}"}
        """ + (feedbackAt is null ? "" : $"""

        evidence:
          feedback: {"{"}origin: feedback, category: {category}, at: "{feedbackAt}"{"}"}
        """) + "\n";

    private void Commit(string at, params (string Path, string? Text)[] files)
    {
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(repo, "golden-set", path);
            if (text is null) { File.Delete(full); continue; }
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        Git("add -A");
        Git($"commit -q -m change --date {at}", at);
    }

    private void Git(string arguments, string? at = null)
    {
        var start = new ProcessStartInfo("git", "-c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false " + arguments) { WorkingDirectory = repo, RedirectStandardError = true, RedirectStandardOutput = true };
        if (at is not null) start.Environment["GIT_COMMITTER_DATE"] = at;
        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }

    [Fact]
    public void Figures_follow_the_golden_sets_git_history()
    {
        Directory.CreateDirectory(repo);
        Git("init -q");
        // Week 1 (Mon 2026-11-02): two hand-written cases and an incident case.
        Commit("2026-11-02T10:00:00Z",
            ("orders/orders-a.yaml", Case("orders-a", "active", "P1", "hand-written")),
            ("orders/orders-b.yaml", Case("orders-b", "active", "P2", "hand-written")),
            ("refunds/refunds-inc.yaml", Case("refunds-inc", "active", "P0", "incident INC-7")));
        // Week 2: harvest writes two thumbs-down cases (needs-label) 10 h after their feedback; one case is quarantined.
        Commit("2026-11-10T10:00:00Z",
            ("harvested/harvest-p0.yaml", Case("harvest-p0", "needs-label", "P0", "thumbs-down-2026-11-10", "2026-11-10T00:00:00Z")),
            ("harvested/harvest-p2.yaml", Case("harvest-p2", "needs-label", "P2", "thumbs-down-2026-11-10", "2026-11-10T00:00:00Z", "slow")),
            ("orders/orders-b.yaml", Case("orders-b", "quarantined", "P2", "hand-written")));
        // 50 h after the feedback a reviewer promotes the P0 case (inside 72 h); the P2 one waits.
        Commit("2026-11-12T02:00:00Z",
            ("harvested/harvest-p0.yaml", Case("harvest-p0", "active", "P0", "thumbs-down-2026-11-10", "2026-11-10T00:00:00Z")));
        // Week 3: a hand-written case is deleted.
        Commit("2026-11-17T09:00:00Z", ("orders/orders-a.yaml", null));

        var root = Path.Combine(repo, "golden-set");
        var cases = GoldenSetLoader.Load(root, EvaluatorRegistry.CreateDefault(), new RunOptions()).CasesOrThrow();
        var options = new HealthOptions { Incidents = ["INC-7", "INC-9"] };
        var now = new FixedTime(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

        // The nightly harvest recorded its runs in the store: two in week 2 (two cases written, 10 h and 14 h medians), none since.
        var store = Path.Combine(repo, "results.db");
        HarvestHistory.Record(store, new HarvestSummary { SessionsRead = 40, CasesWritten = ["harvest-p0.yaml"], TimeToEval = new(1, 10, 10, 10, 0, null) },
            DateTimeOffset.Parse("2026-11-10T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        HarvestHistory.Record(store, new HarvestSummary { SessionsRead = 35, CasesWritten = ["harvest-p2.yaml"], TimeToEval = new(1, 14, 14, 20, 1, 50) },
            DateTimeOffset.Parse("2026-11-11T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var report = HealthJob.Run(cases, root, store, options, ConfigLoader.Default(repo), now);

        Assert.Equal(["2026-W45", "2026-W46", "2026-W47"], report.Weeks.Select(w => w.Week));
        Assert.Equal([3, 5, 4], report.Weeks.Select(w => w.Cases));
        Assert.Equal([1, 3, 3], report.Weeks.Select(w => w.ProductionSourced));
        Assert.Equal(2, report.Weeks[1].BySuite["orders"]);
        Assert.Equal(1, report.Weeks[2].BySuite["orders"]);
        Assert.Equal(2, report.Weeks[1].BySeverity["P0"]);

        var p0 = Assert.Single(report.TimeToEval, t => t.Severity == "P0");
        Assert.Equal(("wrong", 10.0, 1, 50.0), (p0.Category, p0.MedianHoursToCase, p0.Promoted, p0.MedianHoursToActive));
        var p2 = Assert.Single(report.TimeToEval, t => t.Severity == "P2");
        Assert.Equal(("slow", 0, (double?)null), (p2.Category, p2.Promoted, p2.MedianHoursToActive));
        Assert.Equal(1.0, report.P0WithinTarget);

        Assert.Equal(1, report.Backlog);
        Assert.Equal(10.0, report.BacklogMaxAgeDays);
        var quarantined = Assert.Single(report.Quarantined);
        Assert.Equal(("orders-b", 10.0), (quarantined.CaseId, quarantined.Days));
        Assert.Equal(["INC-9"], report.IncidentsWithoutCases);
        Assert.Null(report.NoCaseTrafficShare);

        // From the store: week 46's two runs wrote both cases the golden set gained that week (production share of intake 100%).
        var harvested = Assert.Single(report.HarvestWeeks);
        Assert.Equal(("2026-W46", 2, 2, (double?)1.0), (harvested.Week, harvested.Runs, harvested.CasesWritten, harvested.ProductionShareOfAdded));
        Assert.Equal((2, (double?)12.0, (double?)20.0, 1, (double?)50.0),
            (harvested.FeedbackCases, harvested.MedianHoursToCase, harvested.MaxHoursToCase, harvested.Promoted, harvested.MedianHoursToPromotion));
        Assert.Contains(HealthText.Headlines(report), l => l.StartsWith("harvest (2026-W46, from the store): 2 runs, 2 cases written, feedback → case median 12 h", StringComparison.Ordinal));
        Assert.Contains("| 2026-W46 | 2 | 2 | 100 % | 2 | 12 | 20 | 1 | 50 |", HealthMarkdownWriter.Write(report), StringComparison.Ordinal);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
