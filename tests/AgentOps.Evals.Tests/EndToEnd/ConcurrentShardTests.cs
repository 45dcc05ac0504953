using AgentOps.Evals.FakeModelServer;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class ConcurrentShardTests
{
    [Fact]
    public async Task Two_shard_processes_writing_one_store_at_once_lose_nothing_and_merge_into_one_run()
    {
        const int cases = 150, k = 2;
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions { DefaultReply = "It was delivered." });
        using var ws = CliWorkspace.Create(server.BaseUrl, cases, k, concurrency: 8);

        var shards = await Task.WhenAll(
            ws.RunAsync("run", "--candidate", "prod", "--provider", "fake", "--shard", "1/2"),
            ws.RunAsync("run", "--candidate", "prod", "--provider", "fake", "--shard", "2/2"));
        Assert.All(shards, r => Assert.True(r.ExitCode == 0, r.ToString()));

        var (runs, trials) = await ws.ReadStoreAsync();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(RunStatus.Completed, r.Status));
        var keys = trials.Values.SelectMany(t => t).Select(t => (t.CaseId, t.TrialIndex)).ToList();
        Assert.Equal(cases * k, keys.Count);
        Assert.Equal(cases * k, keys.Distinct().Count());
        Assert.All(runs, r => Assert.NotEmpty(trials[r.RunId]));
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={ws.StorePath};Pooling=False"))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }

        var merge = await ws.RunAsync(["merge", .. runs.Select(r => r.RunId)]);
        Assert.True(merge.ExitCode == 0, merge.ToString());
        var mergedId = merge.Stdout.Trim();
        var (after, afterTrials) = await ws.ReadStoreAsync();
        var merged = Assert.Single(after, r => r.RunId == mergedId);
        Assert.Equal(RunStatus.Completed, merged.Status);
        Assert.Equal(cases, merged.Cases.Count);
        Assert.Equal(keys.Order(), afterTrials[mergedId].Select(t => (t.CaseId, t.TrialIndex)).Order());

        // The merged run stands for the whole golden set as an unsharded run would (so last-green:prod can pick it).
        Assert.DoesNotContain(runs, r => r.GoldenSetRevision == merged.GoldenSetRevision);
        var whole = await ws.RunAsync("run", "--candidate", "prod", "--provider", "fake", "-k", "1");
        Assert.True(whole.ExitCode == 0, whole.ToString());
        var (final, _) = await ws.ReadStoreAsync();
        var unsharded = Assert.Single(final, r => r.Shard is null);
        Assert.Equal(unsharded.GoldenSetRevision, merged.GoldenSetRevision);
    }
}
