using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
using Microsoft.Data.Sqlite;

namespace AgentOps.Evals.Tests.Storage;

/// <summary>Store migration 3: a run keeps its candidate's model settings, older stores migrate, and a resume with changed settings is refused.</summary>
public sealed class ModelSettingsStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-settings").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static RunInfo Run(string id, string settings) => new()
    {
        RunId = id,
        Candidate = new CandidateIdentity("prod", "claude-sonnet-4-5", "abcd1234", "anthropic", "0.1.0") { Settings = settings },
        K = 1,
        GoldenSetRevision = "rev",
        StartedAt = new DateTimeOffset(2026, 12, 3, 18, 0, 0, TimeSpan.Zero),
        Cases = [],
    };

    [Fact]
    public async Task A_runs_model_settings_round_trip_through_the_store()
    {
        var path = Path.Combine(_dir, "results.db");
        await using (var store = await SqliteResultStore.OpenAsync(path))
            await store.CreateRunAsync(Run("run-s", "max-output-tokens=300 seed=7 temperature=0.2"));
        await using var reopened = await SqliteResultStore.OpenAsync(path);
        Assert.Equal("max-output-tokens=300 seed=7 temperature=0.2", (await reopened.GetRunAsync("run-s"))!.Candidate.Settings);
        Assert.Equal("max-output-tokens=300 seed=7 temperature=0.2", (await reopened.ListRunsAsync("prod")).Single().Candidate.Settings);
    }

    [Fact]
    public async Task A_version_2_store_migrates_and_its_old_runs_read_as_provider_defaults()
    {
        var path = Path.Combine(_dir, "v2.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = StoreSchema.Migrations[0].Sql + StoreSchema.Migrations[1].Sql + $"""
                INSERT INTO runs VALUES ('run-old', 'prod', 'm', 'none', 'replay', '0.1.0', 1, 'rev', '2026-07-01T12:00:00.0000000+00:00', NULL, 'Completed', NULL, NULL, NULL, NULL, '[]');
                PRAGMA user_version = 2; PRAGMA application_id = {StoreSchema.ApplicationId};
                """;
            command.ExecuteNonQuery();
        }

        await using var store = await SqliteResultStore.OpenAsync(path);
        Assert.Equal("", (await store.GetRunAsync("run-old"))!.Candidate.Settings);
        await store.CreateRunAsync(Run("run-new", "temperature=0"));
        Assert.Equal("temperature=0", (await store.GetRunAsync("run-new"))!.Candidate.Settings);
    }

    [Fact]
    public void A_resume_with_changed_settings_is_refused_naming_both()
    {
        var stored = Run("run-s", "temperature=0.2");
        var error = Assert.Throws<InputException>(() => ResumeCheck.EnsureSameCandidate(stored, stored.Candidate with { Settings = "temperature=0.7" }, "eval.config.yaml"));
        Assert.Contains("settings 'temperature=0.2' are now 'temperature=0.7'", error.Message);
        var toDefaults = Assert.Throws<InputException>(() => ResumeCheck.EnsureSameCandidate(stored, stored.Candidate with { Settings = "" }, "eval.config.yaml"));
        Assert.Contains("now 'provider defaults'", toDefaults.Message);
        ResumeCheck.EnsureSameCandidate(stored, stored.Candidate with { }, "eval.config.yaml");
    }
}
