using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Reporting;

namespace AgentOps.Evals.Tests.Reporting;

public sealed class ReportWriterTests
{
    private static string Render(IGateReportWriter writer, GateVerdict? verdict = null)
    {
        using var text = new StringWriter();
        writer.Write(verdict ?? SampleVerdict.Create(), text);
        return text.ToString();
    }

    [Fact]
    public void Sample_verdict_fails_on_the_P0_regression()
    {
        var verdict = SampleVerdict.Create();

        Assert.Equal(GateOutcome.Fail, verdict.Outcome);
        Assert.Equal(["refunds-eu-012", "shipping-de-004"], verdict.Flips.Regressions);
        Assert.Equal(["tone-001"], verdict.Flips.Improvements);
    }

    [Fact]
    public void JUnit_matches_its_golden_file()
    {
        GoldenFile.AssertMatches("gate.junit.xml", Render(new JUnitGateReportWriter()));
    }

    [Fact]
    public void JUnit_validates_against_the_junit_schema()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, GoldenFile.PathOf("junit.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");

        using (var reader = XmlReader.Create(new StringReader(Render(new JUnitGateReportWriter())), settings))
        {
            while (reader.Read()) { }
        }

        Assert.Empty(errors);
    }

    [Fact]
    public void The_schema_rejects_what_CI_servers_would_not_read()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, GoldenFile.PathOf("junit.xsd"));
        var bad = XDocument.Parse("<testsuites><testsuite name='x' tests='1'><testcase name='a'/></testsuite></testsuites>");

        Assert.Throws<XmlSchemaValidationException>(() => bad.Validate(schemas, (_, e) => throw e.Exception));
    }

    [Fact]
    public void JUnit_has_one_testcase_per_case_with_failures_carrying_assertions_and_response()
    {
        var xml = XDocument.Parse(Render(new JUnitGateReportWriter()));
        var cases = xml.Descendants("testcase").ToList();

        Assert.Equal(5, cases.Count);
        var regressed = cases.Single(c => (string?)c.Attribute("name") == "refunds-eu-012");
        Assert.Equal("refunds", (string?)regressed.Attribute("classname"));
        var failure = regressed.Element("failure")!;
        Assert.Equal("regression", (string?)failure.Attribute("type"));
        Assert.Contains("contains: expected \"14 days\" in the response", failure.Value);
        Assert.Contains("response: You can return it within 30 days.", failure.Value);
        Assert.Null(cases.Single(c => (string?)c.Attribute("name") == "tone-001").Element("failure"));
        Assert.Equal("2", (string?)xml.Root!.Attribute("failures"));
    }

    [Fact]
    public void Markdown_matches_its_golden_file()
    {
        GoldenFile.AssertMatches("gate.md", Render(new MarkdownGateReportWriter("https://github.com/acme/support/blob/abc1234/")));
    }

    [Fact]
    public void Markdown_puts_the_verdict_first_and_links_regressed_case_files()
    {
        var md = Render(new MarkdownGateReportWriter("https://example.test/blob/main/"));

        Assert.StartsWith("## ❌ Gate FAIL: `next` vs baseline `prod`", md);
        Assert.Contains("[refunds-eu-012](https://example.test/blob/main/golden-set/refunds/refunds-eu-012.yaml)", md);
        Assert.Contains("`5e6f7a8b`", md);
        Assert.Contains("`gpt-5-mini`", md);
    }

    [Fact]
    public void Json_is_versioned_and_carries_the_verdict()
    {
        using var doc = JsonDocument.Parse(Render(new JsonGateReportWriter()));
        var root = doc.RootElement;

        Assert.Equal("schemaVersion", root.EnumerateObject().First().Name);
        Assert.Equal(2, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("fail", root.GetProperty("outcome").GetString());
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        Assert.Equal("5e6f7a8b", root.GetProperty("candidate").GetProperty("candidate").GetProperty("promptHash").GetString());
        Assert.Equal("p0-regressions", root.GetProperty("findings")[0].GetProperty("rule").GetString());
        Assert.Equal("regression", root.GetProperty("cases").EnumerateArray().First(c => c.GetProperty("id").GetString() == "refunds-eu-012").GetProperty("flip").GetString());
    }

    [Fact]
    public void GitHub_annotations_mark_each_regressed_case_file()
    {
        var lines = Render(new GitHubAnnotationsWriter()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var fileErrors = lines.Where(l => l.StartsWith("::error file=", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, fileErrors.Count);
        Assert.StartsWith("::error file=golden-set/refunds/refunds-eu-012.yaml,line=1,title=Gate regression%3A refunds-eu-012::", fileErrors[0]);
        Assert.All(lines, l => Assert.Matches("^::(error|warning) ", l));
    }

    [Fact]
    public void Writers_are_found_by_format()
    {
        Assert.IsType<JUnitGateReportWriter>(GateReportWriters.For("junit"));
        Assert.IsType<MarkdownGateReportWriter>(GateReportWriters.For("MARKDOWN"));
        Assert.Null(GateReportWriters.For("html"));
        Assert.Equal(4, GateReportWriters.All().Select(w => w.Format).Distinct().Count());
    }
}
