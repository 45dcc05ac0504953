using AgentOps.Evals.Harvesting;
using AgentOps.Evals.Harvesting.Drift;
using AgentOps.Evals.Harvesting.Health;
using AgentOps.Evals.Storage;
using Microsoft.Data.Sqlite;

namespace AgentOps.Evals.Tests.Drift;

/// <summary>Harvest runs in the results store (migration 5): written beside eval and drift runs, read back by health.</summary>
public sealed class HarvestStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-harvest-store").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static readonly DateTimeOffset Night = DateTimeOffset.Parse("2026-12-01T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_harvest_run_is_stored_with_counts_and_hours_only_and_the_store_still_opens_for_runs()
    {
        var path = Path.Combine(_dir, "results.db");
        var summary = new HarvestSummary
        {
            SessionsRead = 120, FlaggedByFlag = new Dictionary<string, int> { ["thumbs-down"] = 7 },
            CasesWritten = ["/secret/path/harvest-1.yaml"], CasesAlreadyPresent = ["/secret/path/harvest-2.yaml"],
            Skipped = [new SkippedLine("traces.json", 3, "bad line quoting jane@example.com")],
            TimeToEval = new(1, 6.5, 6.5, 6.5, 0, null),
        };

        HarvestHistory.Record(path, summary, Night);

        var run = Assert.Single(HarvestHistory.Since(path, Night.AddDays(-1)));
        Assert.Equal(("harvest-20261201-020000", 120, 1, 1, 7, 6.5), (run.RunId, run.Sessions, run.CasesWritten, run.CasesAlreadyPresent, run.FlaggedByFlag["thumbs-down"], run.TimeToEval.MedianHours!.Value));
        Assert.Empty(HarvestHistory.Since(path, Night.AddDays(1)));
        // Only counts and hours are stored: no case path, no skipped line (it may quote input).
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT summary FROM harvest_runs";
            var stored = (string)(await command.ExecuteScalarAsync())!;
            Assert.DoesNotContain("secret", stored);
            Assert.DoesNotContain("jane@", stored);
        }
        await using (var store = await SqliteResultStore.OpenAsync(path))
            Assert.Empty(await store.ListRunsAsync());
    }

    [Fact]
    public async Task A_store_from_before_migration_5_gains_the_harvest_table_and_keeps_its_drift_runs()
    {
        var path = Path.Combine(_dir, "old.db");
        DriftHistory.Record(path, new DriftReport { RunId = "drift-1", At = Night, Queries = 3 });
        // Back to version 4 without the table: a store written before migration 5.
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE harvest_runs; PRAGMA user_version = 4;";
            await command.ExecuteNonQueryAsync();
        }
        Assert.Empty(HarvestHistory.Since(path, Night.AddDays(-1)));

        HarvestHistory.Record(path, new HarvestSummary { SessionsRead = 5 }, Night);

        Assert.Single(HarvestHistory.Since(path, Night.AddDays(-1)));
        Assert.Equal("drift-1", Assert.Single(DriftHistory.Recent(path)).RunId);
        Assert.Equal(5, StoreSchema.Current);
    }
}
