using System.Text.RegularExpressions;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Reporting.Html;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.Html;

public sealed partial class HtmlReportTests
{
    private static readonly CandidateIdentity Prod = new("prod", "gpt-4.1-mini", "abcd1234", "replay", "0.1.0");

    [Fact]
    public async Task The_sample_gate_report_shows_the_verdict_both_identities_and_the_regressed_slices()
    {
        var sample = await SampleGate.Get();
        var html = sample.Render();
        var outcome = sample.Verdict.Outcome.ToString().ToUpperInvariant();
        Assert.Contains($"<div id=\"verdict\" class=\"verdict {outcome.ToLowerInvariant()}\" data-outcome=\"{outcome.ToLowerInvariant()}\">Gate {outcome}</div>", html);
        Assert.Contains("<code>gpt-4.1-mini</code>", html);
        Assert.Contains("<code>gpt-5-mini</code>", html);
        Assert.Contains($"<code>{sample.Candidate.Candidate.PromptHash}</code>", html);
        foreach (var slice in sample.Verdict.Slices.Where(s => s.Outcome == AgentOps.Evals.Gating.GateOutcome.Fail))
            Assert.Matches($"<tr class=\"fail\" data-slice=\"{Regex.Escape(System.Net.WebUtility.HtmlEncode(slice.Name))}\">", html);
        foreach (var id in sample.Verdict.Flips.Regressions)
            Assert.Contains($"<a class=\"badge regression\" href=\"#{HtmlText.Anchor(id)}\">{id}</a>", html);
        // Every case is there with its trials from both sides.
        Assert.Equal(sample.Candidate.Cases.Count, Regex.Matches(html, "<details class=\"case").Count);
        Assert.Equal(sample.BaselineTrials.Count + sample.CandidateTrials.Count, Regex.Matches(html, "<div class=\"trial ").Count);
    }

    [Fact]
    public void The_gate_report_says_how_many_extra_trials_were_spent_on_which_cases_and_the_alpha_of_each_look()
    {
        var verdict = Reporting.SampleVerdict.Create();
        var writer = new StringWriter();
        HtmlReport.Write(writer, verdict, RunOf(verdict.Baseline), [], RunOf(verdict.Candidate), [], []);

        var html = writer.ToString();
        Assert.Contains("<p id=\"extra-trials\" class=\"summary-line\">Extra trials: 6 extra trials (budget 30) on 1 case(s)", html, StringComparison.Ordinal);
        Assert.Contains("(shipping-de-004)", html, StringComparison.Ordinal);
        Assert.Contains("α = 0.01 spent at the base look, 0.04 after the extra trials", html, StringComparison.Ordinal);

        static RunInfo RunOf(RunSummary s) => new() { RunId = s.RunId, Candidate = s.Candidate, K = s.K, GoldenSetRevision = s.GoldenSetRevision, StartedAt = DateTimeOffset.UnixEpoch };
    }

    [Fact]
    public async Task The_report_is_self_contained()
    {
        var html = (await SampleGate.Get()).Render();
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", html);
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.Contains("<svg", html);
        Assert.Contains("document.getElementById('filter-failed')", html);
    }

    [Fact]
    public void Case_and_response_text_is_escaped_everywhere()
    {
        const string attack = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var run = new RunInfo
        {
            RunId = "run-<b>1</b>", Candidate = Prod with { Name = "prod\"><script>" }, K = 1, GoldenSetRevision = "rev", StartedAt = DateTimeOffset.UnixEpoch,
            Cases = [new RunCase("case-<i>1</i>", "orders", "P0", ["tag\"<x>"], "golden-set/orders/x.yaml", 1, attack)],
        };
        var trial = new TrialResult
        {
            RunId = run.RunId, CaseId = "case-<i>1</i>", TrialIndex = 0, Outcome = TrialOutcome.Failed, Output = attack,
            Assertions = [AssertionResult.Fail("contains", "expected '" + attack + "'")],
            Trajectory = new Trajectory([], [new ToolCallRecord(0, "lookup<script>", """{"q":"</script>"}""", """{"r":"<script>"}""")]),
            Error = attack, ErrorKind = "target-error",
        };
        var writer = new StringWriter();
        HtmlReport.Write(writer, run, [trial], [HistoryPoint.Of(run, [trial])]);
        var html = writer.ToString();

        // The only script elements are the report's own: one, at the end.
        Assert.Single(Regex.Matches(html, "<script>"));
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<i>1</i>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("data-tags=\"[&quot;tag\\u0022\\u003Cx\\u003E&quot;]\"", html);
    }

    [Fact]
    public void A_single_run_report_has_pass_rates_with_intervals_per_suite_and_tag()
    {
        var run = new RunInfo
        {
            RunId = "run-1", Candidate = Prod, K = 2, GoldenSetRevision = "rev", StartedAt = DateTimeOffset.UnixEpoch, Status = RunStatus.Completed,
            Cases = [new RunCase("a", "orders", "P0", ["locale:de-DE"], "a.yaml", 2), new RunCase("b", "refunds", "P1", [], "b.yaml", 2)],
        };
        TrialResult T(string id, int i, TrialOutcome o) => new() { RunId = "run-1", CaseId = id, TrialIndex = i, Outcome = o, Output = id + i, Usage = new TokenUsage(10, 5, 0.001m) };
        var trials = new[] { T("a", 0, TrialOutcome.Passed), T("a", 1, TrialOutcome.Failed), T("b", 0, TrialOutcome.Passed), T("b", 1, TrialOutcome.InfraError) };
        var writer = new StringWriter();
        HtmlReport.Write(writer, run, trials, [HistoryPoint.Of(run, trials)]);
        var html = writer.ToString();

        Assert.Contains("Run COMPLETED: 2 of 3 judged trials passed", html);
        // 2 of 3 judged: Wilson 95% interval [20.8%, 93.9%].
        Assert.Contains("<td>all</td><td class=\"num\">2</td><td class=\"num\">4</td><td class=\"num\">66.7% <span class=\"muted\">[20.8%–93.9%]</span>", html);
        Assert.Contains("data-slice=\"suite:orders\"", html);
        Assert.Contains("data-slice=\"locale:de-DE\"", html);
        Assert.Contains("data-failed=\"true\"", html);
        Assert.Contains("<option value=\"P0\">P0</option>", html);
    }

    [Fact]
    public void History_plots_one_point_per_stored_run()
    {
        var points = Enumerable.Range(0, 4).Select(i => new HistoryPoint($"run-{i}", DateTimeOffset.UnixEpoch.AddDays(i), 0.5 + i / 10.0, 10, 0.01m * (i + 1), null)).ToList();
        var run = new RunInfo { RunId = "run-3", Candidate = Prod, K = 1, GoldenSetRevision = "rev", StartedAt = DateTimeOffset.UnixEpoch };
        var writer = new StringWriter();
        HtmlReport.Write(writer, run, [], points);
        var history = writer.ToString().Split("id=\"plot-history\"")[1];
        Assert.Equal(8, Regex.Matches(history.Split("</svg>")[0], "<circle").Count);
        Assert.Contains("run-2 (1970-01-03 00:00:00Z): pass rate 70.0%", history);
    }

    [GeneratedRegex(@"(src|href)\s*=\s*""(https?:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
