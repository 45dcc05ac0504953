using AgentOps.Evals.Harvesting;

namespace AgentOps.Evals.Tests.Harvesting;

/// <summary>scan tells a harvested case's declared fakes from leaks, however the text around them cuts or joins them.</summary>
public sealed class ScanDeclaredFakesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-scan-fakes").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Case = """
        id: harvest-c2b7b0fa98d5
        title: "guardrail: Ship the replacement to 4990 Emmerich Spurs and email velva99@yahoo.co…"
        status: needs-label
        input:
          messages:
            - {role: user, content: "Please refund to my card 4523 8998 9404 1172, and send the label to 60592 Deanna Underpass"}
        expect: []
        evidence:
          synthetic: [+44 20 6082 6167, 4523 8998 9404 1172, 60592 Deanna Underpass, Stephanie Luettgen, 4990 Emmerich Spurs, "velva99@yahoo.com"]
        """;

    [Fact]
    public void Declared_fakes_pass_even_when_a_title_cuts_one_or_a_detector_joins_two()
    {
        File.WriteAllText(Path.Combine(_dir, "harvest-c2b7b0fa98d5.yaml"), Case);
        var findings = PiiScanner.Scan([_dir]);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void The_triage_queue_beside_the_cases_may_quote_their_fakes_but_not_anything_else()
    {
        File.WriteAllText(Path.Combine(_dir, "harvest-c2b7b0fa98d5.yaml"), Case);
        File.WriteAllText(Path.Combine(_dir, "triage.md"), "1. call +44 20 6082 6167 about 60592 Deanna Underpass\n2. mail jane.real@example.org\n");
        var finding = Assert.Single(PiiScanner.Scan([_dir]));
        Assert.EndsWith("triage.md", finding.File);
        Assert.Equal(2, finding.Line);
    }

    [Fact]
    public void A_value_that_is_not_declared_is_still_found_next_to_a_fake()
    {
        File.WriteAllText(Path.Combine(_dir, "harvest-c2b7b0fa98d5.yaml"), Case.Replace("60592 Deanna Underpass\"}", "60592 Deanna Underpass, or mail jane.real@example.org\"}"));
        var finding = Assert.Single(PiiScanner.Scan([_dir]));
        Assert.Equal(6, finding.Line);
    }
}
