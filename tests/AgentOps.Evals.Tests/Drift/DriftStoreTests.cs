using AgentOps.Evals.Harvesting.Drift;
using AgentOps.Evals.Storage;
using Microsoft.Data.Sqlite;

namespace AgentOps.Evals.Tests.Drift;

/// <summary>drift's history lives in the results store: a store drift wrote first is still a results store for run and gate.</summary>
public sealed class DriftStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-drift-store").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_store_that_drift_wrote_first_opens_for_runs_and_keeps_the_drift_run()
    {
        var path = Path.Combine(_dir, "results.db");
        DriftHistory.Record(path, new DriftReport { RunId = "drift-1", At = DateTimeOffset.Parse("2026-12-01T00:00:00Z"), Queries = 3 });

        await using (var store = await SqliteResultStore.OpenAsync(path))
            Assert.Empty(await store.ListRunsAsync());

        Assert.Equal("drift-1", Assert.Single(DriftHistory.Recent(path)).RunId);
    }

    [Fact]
    public void Drift_refuses_a_database_of_another_application_naming_the_file()
    {
        var path = Path.Combine(_dir, "other.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE customers (id INTEGER);";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<StoreException>(() => DriftHistory.Record(path, new DriftReport { RunId = "drift-1" }));
        Assert.Contains(path, error.Message);
    }
}
