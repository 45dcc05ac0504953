using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Harvesting;

namespace AgentOps.Evals.Tests.Harvesting;

public sealed class HarvestJobTests : IDisposable
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] OtherKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
    private readonly string root = Path.Combine(Path.GetTempPath(), "agentops-harvest-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private HarvestRequest Request(SyntheticTraceSet set, string outName, byte[]? key = null) => new()
    {
        Traces = [Path.Combine(Path.GetDirectoryName(set.TracesFile)!, "*.jsonl").Replace("feedback", "x")],
        Feedback = [set.FeedbackFile],
        Out = Path.Combine(root, outName),
        Key = key ?? Key,
        MappingStore = Path.Combine(root, outName + ".mapping.db"),
        Limit = 100,
        Time = new FixedTime(new DateTimeOffset(2026, 6, 30, 2, 0, 0, TimeSpan.Zero)),
    };

    private SyntheticTraceSet Generate(int sessions = 30, bool badLines = false)
    {
        var set = SyntheticTraces.Write(Path.Combine(root, "in"), sessions, seed: 42, badLines);
        // Feedback lives apart so the trace glob does not read it.
        var feedbackDir = Path.Combine(root, "feedback");
        Directory.CreateDirectory(feedbackDir);
        var feedback = Path.Combine(feedbackDir, "feedback.jsonl");
        File.Move(set.FeedbackFile, feedback);
        return set with { FeedbackFile = feedback };
    }

    [Fact]
    public async Task Writes_needs_label_cases_with_no_original_pii_and_every_benign_identifier_kept()
    {
        var set = Generate();

        var summary = await new HarvestJob().RunAsync(Request(set, "out"), CancellationToken.None);

        Assert.NotEmpty(summary.CasesWritten);
        Assert.Equal(30, summary.SessionsRead);
        var everything = string.Join("\n", Directory.EnumerateFiles(Path.Combine(root, "out")).Select(File.ReadAllText));
        var leaks = set.PiiValues.Where(v => everything.Contains(v, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "leaked: " + string.Join(", ", leaks));
        var caseText = string.Join("\n", summary.CasesWritten.Select(File.ReadAllText));
        var inCases = set.BenignValues.Where(v => caseText.Contains(v, StringComparison.Ordinal)).ToList();
        Assert.Contains(SyntheticTraces.Tool, caseText);
        Assert.Contains(SyntheticTraces.Model, caseText);
        // Every order number, SKU, amount and date of a written case's conversation survives.
        Assert.True(inCases.Count > set.BenignValues.Count / 2, $"only {inCases.Count} of {set.BenignValues.Count} benign values kept");
        Assert.All(summary.CasesWritten, path =>
        {
            var text = File.ReadAllText(path);
            Assert.Contains("status: needs-label", text);
            Assert.Matches(@"source: (thumbs-down|max-tokens|tool-error-streak|guardrail)-2026-06-\d\d", text);
            Assert.Contains("expect: []", text);
        });
        Assert.True(File.Exists(summary.TriageMarkdown) && File.Exists(summary.TriageJson));
    }

    [Fact]
    public async Task Flags_each_kind_the_generator_planted()
    {
        var set = Generate();

        var summary = await new HarvestJob().RunAsync(Request(set, "out"), CancellationToken.None);

        // Sessions cycle through thumbs-down, max-tokens, tool errors, guardrail and a clean one.
        Assert.Equal(6, summary.FlaggedByFlag["thumbs-down"]);
        Assert.Equal(6, summary.FlaggedByFlag["max-tokens"]);
        Assert.Equal(6, summary.FlaggedByFlag["tool-error-streak"]);
        Assert.Equal(6, summary.FlaggedByFlag["guardrail"]);
    }

    [Fact]
    public async Task A_second_run_writes_nothing_new()
    {
        var set = Generate();
        var request = Request(set, "out");
        var first = await new HarvestJob().RunAsync(request, CancellationToken.None);
        var before = Directory.EnumerateFiles(request.Out).ToDictionary(f => f, File.ReadAllText);

        var second = await new HarvestJob().RunAsync(request, CancellationToken.None);

        Assert.Empty(second.CasesWritten);
        Assert.Equal(first.CasesWritten.Order(), second.CasesAlreadyPresent.Order());
        Assert.Equal(before, Directory.EnumerateFiles(request.Out).ToDictionary(f => f, File.ReadAllText));
    }

    [Fact]
    public async Task Fakes_are_identical_under_the_same_key_and_differ_under_another()
    {
        var set = Generate();
        var a = await new HarvestJob().RunAsync(Request(set, "a"), CancellationToken.None);
        var b = await new HarvestJob().RunAsync(Request(set, "b"), CancellationToken.None);
        var c = await new HarvestJob().RunAsync(Request(set, "c", OtherKey), CancellationToken.None);

        static string Cases(HarvestSummary s) => string.Join("\n", s.CasesWritten.Order().Select(File.ReadAllText));
        Assert.Equal(Cases(a), Cases(b));
        Assert.NotEqual(Cases(a), Cases(c));
        Assert.Equal(a.CasesWritten.Count, c.CasesWritten.Count);
    }

    [Fact]
    public async Task Bad_lines_are_skipped_with_file_and_line_and_every_good_case_still_written()
    {
        var clean = await new HarvestJob().RunAsync(Request(Generate(), "clean"), CancellationToken.None);
        Directory.Delete(Path.Combine(root, "in"), true);
        Directory.Delete(Path.Combine(root, "feedback"), true);
        var set = Generate(badLines: true);

        var summary = await new HarvestJob().RunAsync(Request(set, "out"), CancellationToken.None);

        Assert.Contains(summary.Skipped, s => s.File == set.TracesFile && s.Line == 5);
        Assert.Contains(summary.Skipped, s => s.File == set.FeedbackFile && s.Reason.Contains("sideways"));
        Assert.Equal(3, summary.Skipped.Count);
        Assert.Equal(clean.CasesWritten.Select(Path.GetFileName).Order(), summary.CasesWritten.Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Reidentify_returns_the_originals_with_the_key_and_refuses_another()
    {
        var set = Generate();
        var request = Request(set, "out");
        var summary = await new HarvestJob().RunAsync(request, CancellationToken.None);
        var caseId = Path.GetFileNameWithoutExtension(summary.CasesWritten[0]);

        var originals = MappingStore.Reidentify(caseId, request.MappingStore, Key);

        Assert.Contains(originals, o => o.Kind == "session-id" && o.Original.StartsWith("sess-", StringComparison.Ordinal));
        Assert.All(originals, o => Assert.Contains(o.Replacement, File.ReadAllText(summary.CasesWritten[0])));
        Assert.Throws<InputException>(() => MappingStore.Reidentify(caseId, request.MappingStore, OtherKey));
    }

    [Fact]
    public async Task Refuses_to_run_without_a_key_and_writes_no_mapping_with_an_ephemeral_one()
    {
        var set = Generate();
        await Assert.ThrowsAsync<InputException>(() => new HarvestJob().RunAsync(Request(set, "out") with { Key = null }, CancellationToken.None));

        var request = Request(set, "eph") with { Key = null, EphemeralKey = true };
        var summary = await new HarvestJob().RunAsync(request, CancellationToken.None);

        Assert.NotEmpty(summary.CasesWritten);
        Assert.False(File.Exists(request.MappingStore));
    }

    [Fact]
    public async Task Harvested_cases_scan_clean_but_a_planted_leak_does_not()
    {
        var set = Generate();
        var summary = await new HarvestJob().RunAsync(Request(set, "out"), CancellationToken.None);

        var findings = PiiScanner.Scan(summary.CasesWritten);
        Assert.True(findings.Count == 0, string.Join("\n", findings));

        var leaked = summary.CasesWritten[0];
        File.AppendAllText(leaked, "# contact: real.person@corp-mail.com\n");
        Assert.Single(PiiScanner.Scan([leaked]));
    }

    [Fact]
    public async Task Time_to_promotion_runs_from_the_feedback_to_the_commit_that_promoted_the_case_not_to_the_file_time()
    {
        var set = Generate();
        var request = Request(set, "out");
        var first = await new HarvestJob().RunAsync(request, CancellationToken.None);
        // A reviewer promotes the thumbs-down cases in a commit of 2026-07-01; a later CI checkout stamps the files with its own time.
        var promoted = first.CasesWritten.Where(p => File.ReadAllText(p).Contains("source: thumbs-down")).ToList();
        Assert.NotEmpty(promoted);
        foreach (var path in promoted) File.WriteAllText(path, File.ReadAllText(path).Replace("status: needs-label", "status: active"));
        Git("init -q");
        Git("add -A");
        Git("commit -q -m promote", "2026-07-01T00:00:00Z");
        foreach (var path in promoted) File.SetLastWriteTimeUtc(path, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var second = await new HarvestJob().RunAsync(request, CancellationToken.None);

        Assert.Equal(promoted.Count, second.TimeToEval.PromotedCases);
        // The feedback fell in June 2026, at most 720 h before the commit; the files' times would make it ~30,000 h.
        Assert.InRange(second.TimeToEval.MedianHoursToPromotion!.Value, 0, 720);
    }

    private void Git(string arguments, string? date = null)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git", "-c user.name=Reviewer -c user.email=reviewer@example.invalid -c commit.gpgsign=false " + arguments)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (date is not null)
        {
            start.Environment["GIT_AUTHOR_DATE"] = date;
            start.Environment["GIT_COMMITTER_DATE"] = date;
        }
        using var git = System.Diagnostics.Process.Start(start)!;
        var errors = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {arguments}: {errors}");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
