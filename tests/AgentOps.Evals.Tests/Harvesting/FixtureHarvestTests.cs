using AgentOps.Evals.Harvesting;

namespace AgentOps.Evals.Tests.Harvesting;

public sealed class FixtureHarvestTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), "agentops-fixture-harvest-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentOps.Evals.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [Fact]
    public async Task The_committed_sample_traces_harvest_into_clean_cases_and_report_their_bad_lines()
    {
        var root = RepoRoot();

        var summary = await new HarvestJob().RunAsync(new HarvestRequest
        {
            Traces = [Path.Combine(root, "fixtures", "traces", "*.json")],
            Feedback = [Path.Combine(root, "fixtures", "feedback", "*.jsonl")],
            Out = output,
            EphemeralKey = true,
        }, CancellationToken.None);

        Assert.Equal(25, summary.SessionsRead);
        Assert.NotEmpty(summary.CasesWritten);
        Assert.Contains(summary.Skipped, s => s.File.EndsWith("support-agent.traces.json", StringComparison.Ordinal));
        Assert.Equal(2, summary.Skipped.Count(s => s.File.EndsWith("feedback.jsonl", StringComparison.Ordinal)));
        // Case files declare their fakes; the triage queue repeats titles with fakes in them, so only cases are scanned.
        var findings = PiiScanner.Scan(summary.CasesWritten);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}
