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
        // Case files declare their fakes, and the triage queue beside them quotes those fakes: the whole folder scans clean.
        var findings = PiiScanner.Scan([output]);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task Whatever_fakes_a_key_draws_the_harvested_folder_scans_clean(byte seed)
    {
        // Fakes differ per key; a nightly PR must pass scan whichever were drawn (shortened titles, adjacent fakes).
        var root = RepoRoot();
        var key = Enumerable.Range(0, 32).Select(i => (byte)(seed * 31 + i * 7)).ToArray();
        var folder = Path.Combine(output, "k" + seed);
        await new HarvestJob().RunAsync(new HarvestRequest
        {
            Traces = [Path.Combine(root, "fixtures", "traces", "*.json")],
            Feedback = [Path.Combine(root, "fixtures", "feedback", "*.jsonl")],
            Out = folder,
            Key = key,
            MappingStore = Path.Combine(output, "mapping-" + seed + ".db"),
        }, CancellationToken.None);
        var findings = PiiScanner.Scan([folder]);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}
