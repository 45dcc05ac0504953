using System.Xml.Linq;
using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Reporting;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.Robustness;

/// <summary>Issue 14's outputs that carry model text: no terminal control, no raw HTML, no split surrogate pair.</summary>
public sealed class HostileOutputTests
{
    private const string HtmlReason = "contains: reply was <img src=x onerror=alert(1)> <a href=\"https://evil.example\">click</a></details>";

    /// <summary>One P0 case that passes on the baseline and fails on the candidate with <paramref name="output"/> and <paramref name="reason"/>.</summary>
    private static GateVerdict Verdict(string output, string reason)
    {
        var cases = new[] { new RunCase("refunds-001", "refunds", "P0", ["refunds"], "golden-set/refunds/refunds-001.yaml", 3, "Refund window") };
        RunInfo Run(string id, string name) => new()
        {
            RunId = id, Candidate = new CandidateIdentity(name, "m", "none", "replay", "0.1.0"), K = 3, GoldenSetRevision = "r",
            StartedAt = DateTimeOffset.UnixEpoch, Status = RunStatus.Completed, Cases = cases,
        };
        TrialResult Trial(string run, int i, bool passed) => new()
        {
            RunId = run, CaseId = "refunds-001", TrialIndex = i, Outcome = passed ? TrialOutcome.Passed : TrialOutcome.Failed,
            Output = passed ? "14 days" : output,
            Assertions = [passed ? AssertionResult.Pass("contains", "found") : AssertionResult.Fail("contains", reason)],
            FinishedAt = DateTimeOffset.UnixEpoch,
        };
        return GateEvaluator.Evaluate(new GateInput(
            Run("run-b", "prod"), [.. Enumerable.Range(0, 3).Select(i => Trial("run-b", i, true))],
            Run("run-c", "next"), [.. Enumerable.Range(0, 3).Select(i => Trial("run-c", i, false))], new GateOptions()));
    }

    [Fact]
    public void Terminal_text_shows_escape_sequences_instead_of_running_them()
    {
        var hostile = "ok\u001b]0;pwned\u0007 \u001b[2J \u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\ \u009b31m \u202eevil\nnext\tline";
        var clean = ModelText.ForTerminal(hostile);
        Assert.DoesNotContain(clean, c => char.IsControl(c) && c is not '\n' and not '\t');
        Assert.DoesNotContain('\u202e', clean);
        Assert.Contains("\\x1b]0;pwned", clean);
        Assert.Contains("\nnext\tline", clean);
    }

    [Fact]
    public void Markdown_shows_html_from_replies_as_text()
    {
        using var text = new StringWriter();
        new MarkdownGateReportWriter().Write(Verdict("x", HtmlReason), text);
        var markdown = text.ToString();
        Assert.Contains("refunds-001", markdown);
        Assert.DoesNotContain("<img", markdown);
        Assert.DoesNotContain("<a href", markdown);
        Assert.DoesNotContain("</details>", markdown);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", markdown);
    }

    [Fact]
    public void JUnit_cuts_a_long_reply_between_text_elements_and_stays_valid_xml()
    {
        // An emoji (a surrogate pair) straddles the 4,000th UTF-16 unit.
        var output = new string('a', 3999) + "😀" + new string('b', 100);
        using var text = new StringWriter();
        new JUnitGateReportWriter().Write(Verdict(output, "contains: expected \"14 days\""), text);
        var xml = XDocument.Parse(text.ToString());
        var failure = xml.Descendants("failure").Single().Value;
        Assert.Contains(new string('a', 3999) + "…", failure);
        Assert.DoesNotContain("b", failure.Split("response: ")[1]);
    }

    [Theory]
    [InlineData("abc😀def", 4, "abc…")]
    [InlineData("abc😀def", 5, "abc😀…")]
    [InlineData("e\u0301e\u0301e\u0301", 3, "e\u0301…")]
    [InlineData("short", 10, "short")]
    public void Truncation_never_splits_a_text_element(string text, int max, string expected) =>
        Assert.Equal(expected, ModelText.Truncate(text, max));
}

/// <summary>One report output failing never costs the others.</summary>
public sealed class ReportOutputIsolationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-outputs").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_junit_path_that_cannot_be_written_still_leaves_the_markdown_and_names_the_file()
    {
        var blocker = Path.Combine(_dir, "not-a-folder");
        File.WriteAllText(blocker, "a file where a folder is expected");
        var junit = Path.Combine(blocker, "gate.xml");
        var markdown = Path.Combine(_dir, "gate.md");

        var result = await TestSupport.CliProcess.RunAsync("gate", "--baseline", "prod", "--candidate", "prod", "--store", Path.Combine(_dir, "results.db"),
            "--junit", junit, "--markdown", markdown);
        Assert.True(result.ExitCode == 2, result.All); // an unwritable path is bad input (2), the user's to fix
        Assert.Contains("could not write " + junit, result.Stderr);
        Assert.True(File.Exists(markdown));
        Assert.Contains("prod", File.ReadAllText(markdown));
    }
}
