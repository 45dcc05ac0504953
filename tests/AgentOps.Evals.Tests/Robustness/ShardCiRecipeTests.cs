using System.Xml.Linq;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Robustness;

/// <summary>README's shard-per-job CI recipe, end to end: four jobs each write their own store, a final job merges the
/// downloaded stores and gates the merged run, with the same verdict as one unsharded gate.</summary>
public sealed class ShardCiRecipeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-shard-ci").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string Artifact(int shard) => Path.Combine(_dir, $"shard-{shard}", "shard.db");

    [Fact]
    public async Task Four_shard_stores_merge_into_one_run_that_gates_like_an_unsharded_run()
    {
        // The matrix jobs: `run --candidate next --shard i/4 --store shard.db`, each uploading its own shard.db.
        var jobs = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            CliProcess.RunAsync("run", "--candidate", "next", "--shard", $"{i}/4", "--store", Artifact(i))));
        Assert.All(jobs, r => Assert.True(r.ExitCode == 0, r.All));

        // The final job: merge the downloaded stores, then gate the merged run.
        var results = Path.Combine(_dir, "results.db");
        var merge = await CliProcess.RunAsync(["merge", "--from-store", .. Enumerable.Range(1, 4).Select(Artifact), "--store", results]);
        Assert.True(merge.ExitCode == 0, merge.All);
        var merged = merge.Stdout.Trim();
        Assert.Matches("^run-.*-next-merged-[0-9a-f]{4}$", merged);

        var junit = Path.Combine(_dir, "gate.xml");
        var gate = await CliProcess.RunAsync("gate", "--baseline", "prod", "--from", merged, "--junit", junit, "--store", results);
        var wholeJunit = Path.Combine(_dir, "whole.xml");
        var whole = await CliProcess.RunAsync("gate", "--baseline", "prod", "--candidate", "next", "--junit", wholeJunit, "--store", Path.Combine(_dir, "whole.db"));
        Assert.True(gate.ExitCode is 0 or 1, gate.All);
        Assert.Equal(whole.ExitCode, gate.ExitCode);
        Assert.Equal(TestCases(wholeJunit), TestCases(junit));

        // A shard merged twice (or two jobs on the same shard) is refused, naming both runs and the case.
        var overlap = await CliProcess.RunAsync("merge", "--from-store", Artifact(1), Artifact(2), Artifact(1), "--store", Path.Combine(_dir, "overlap.db"));
        Assert.Equal(2, overlap.ExitCode);
        Assert.Contains("named twice", overlap.Stderr);
    }

    private static string[] TestCases(string junit) =>
        [.. XDocument.Load(junit).Descendants("testcase").Select(t => $"{t.Attribute("name")?.Value}:{t.Element("failure") is null}").Order()];

    [Fact]
    public async Task Two_runs_of_the_same_shard_are_refused_as_overlapping()
    {
        var a = Path.Combine(_dir, "a.db");
        var b = Path.Combine(_dir, "b.db");
        Assert.Equal(0, (await CliProcess.RunAsync("run", "--candidate", "next", "--shard", "1/4", "--store", a)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync("run", "--candidate", "next", "--shard", "1/4", "--store", b)).ExitCode);

        var merge = await CliProcess.RunAsync("merge", "--from-store", a, b, "--store", Path.Combine(_dir, "results.db"));
        Assert.Equal(2, merge.ExitCode);
        Assert.Contains("both hold case", merge.Stderr);
        Assert.Contains(a, merge.Stderr);
        Assert.Contains(b, merge.Stderr);
        Assert.DoesNotContain("   at ", merge.All);
    }
}
