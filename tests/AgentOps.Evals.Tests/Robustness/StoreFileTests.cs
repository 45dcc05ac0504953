using System.Diagnostics;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace AgentOps.Evals.Tests.Robustness;

/// <summary>Issue 14's stores: versioned, migrated, and every failure names the file and what to do.</summary>
public sealed class StoreFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-robust-store").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task A_new_store_records_its_schema_version_and_owner()
    {
        var path = PathOf("new.db");
        await (await SqliteResultStore.OpenAsync(path)).DisposeAsync();
        Assert.Equal(StoreSchema.Current, Scalar(path, "PRAGMA user_version"));
        Assert.Equal(StoreSchema.ApplicationId, Scalar(path, "PRAGMA application_id"));
    }

    [Fact]
    public async Task A_store_from_before_versions_is_migrated_and_keeps_its_runs()
    {
        var path = PathOf("legacy.db");
        Execute(path, StoreSchema.Migrations[0].Sql + """
            INSERT INTO runs VALUES ('run-old', 'prod', 'm', 'none', 'replay', '0.1.0', 1, 'rev', '2026-07-01T12:00:00.0000000+00:00', NULL, 'Completed', NULL, NULL, NULL, NULL, '[]');
            """);
        Assert.Equal(0, Scalar(path, "PRAGMA user_version"));

        await using var store = await SqliteResultStore.OpenAsync(path);
        Assert.NotNull(await store.GetRunAsync("run-old"));
        Assert.Equal(StoreSchema.Current, Scalar(path, "PRAGMA user_version"));
    }

    [Fact]
    public async Task A_store_from_a_newer_harness_is_refused_naming_the_file()
    {
        var path = PathOf("newer.db");
        await (await SqliteResultStore.OpenAsync(path)).DisposeAsync();
        Execute(path, $"PRAGMA user_version = {StoreSchema.Current + 1}");
        var e = await Assert.ThrowsAsync<StoreException>(() => SqliteResultStore.OpenAsync(path));
        Assert.Equal(StoreFailure.Newer, e.Failure);
        Assert.True(e.IsBadInput);
        Assert.Contains(path, e.Message);
        Assert.Contains("upgrade agentops-evals", e.Message);
    }

    [Fact]
    public async Task Another_applications_sqlite_file_is_refused_and_left_untouched()
    {
        var path = PathOf("foreign.db");
        Execute(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);");
        var before = await File.ReadAllBytesAsync(path);
        var e = await Assert.ThrowsAsync<StoreException>(() => SqliteResultStore.OpenAsync(path));
        Assert.Equal(StoreFailure.Foreign, e.Failure);
        Assert.Contains("customers", e.Message);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_garbage_store_exits_2_naming_the_file_before_any_case_loads()
    {
        var path = PathOf("garbage.db");
        await File.WriteAllTextAsync(path, "this is not a database, it is a shopping list\n");
        // run, report and gate all meet the store first.
        foreach (var args in new[] { new[] { "run" }, ["report", "--list"], ["gate", "--from", "a", "b"] })
        {
            var result = await CliProcess.RunAsync([.. args, "--store", path]);
            Assert.True(result.ExitCode == 2, $"{string.Join(' ', args)}: exit {result.ExitCode}\n{result.All}");
            Assert.Contains(path, result.Stderr);
            Assert.Contains("not an agentops-evals store", result.Stderr);
            Assert.DoesNotContain("   at ", result.All);
        }
    }

    [SkippableFact]
    public async Task Report_and_gate_from_read_a_store_on_a_read_only_disk()
    {
        var folder = Path.Combine(_dir, "ro");
        Directory.CreateDirectory(folder);
        var store = Path.Combine(folder, "results.db");
        var baseline = await RunIdAsync("prod", store);
        var candidate = await RunIdAsync("next", store);

        using (ReadOnlyFolder.Protect(folder))
        {
            Skip.If(ReadOnlyFolder.StillWritable(folder), "cannot make a folder read-only here (root without chattr)");
            var report = await CliProcess.RunAsync("report", baseline, "--store", store, "--markdown", "-");
            Assert.True(report.ExitCode == 0, report.All);
            Assert.Contains(baseline, report.Stdout);
            var gate = await CliProcess.RunAsync("gate", "--from", baseline, candidate, "--store", store);
            Assert.True(gate.ExitCode is 0 or 1, gate.All);
            var run = await CliProcess.RunAsync("run", "--store", store);
            Assert.True(run.ExitCode == 2, run.All);
            Assert.Contains(store, run.Stderr);
        }
    }

    private static async Task<string> RunIdAsync(string candidate, string store)
    {
        var result = await CliProcess.RunAsync("run", "--candidate", candidate, "--store", store, "--json");
        Assert.True(result.ExitCode == 0, result.All);
        return System.Text.Json.JsonDocument.Parse(result.Stdout).RootElement.GetProperty("runId").GetString()!;
    }

    [SkippableFact]
    public async Task A_full_disk_keeps_committed_trials_and_names_the_file()
    {
        Skip.IfNot(Environment.UserName == "root" && OperatingSystem.IsLinux(), "needs root to mount a small tmpfs as a full disk");
        var mount = Path.Combine(_dir, "tiny");
        Directory.CreateDirectory(mount);
        Skip.IfNot(Shell("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount) == 0, "mount is not permitted here");
        try
        {
            var path = Path.Combine(mount, "results.db");
            var run = new RunInfo { RunId = "run-full", Candidate = new CandidateIdentity("prod", "m", "none", "replay", "0.1.0"), K = 1, GoldenSetRevision = "r", StartedAt = DateTimeOffset.UtcNow, Cases = [] };
            var store = await SqliteResultStore.OpenAsync(path);
            await store.CreateRunAsync(run);
            var committed = 0;
            var e = await Assert.ThrowsAsync<StoreException>(async () =>
            {
                for (var i = 0; i < 1000; i++)
                {
                    await store.AppendTrialAsync(new TrialResult { RunId = "run-full", CaseId = $"case-{i:000}", TrialIndex = 0, Outcome = TrialOutcome.Passed, Output = new string('x', 8000), Trajectory = Trajectory.Empty, Assertions = [], FinishedAt = DateTimeOffset.UtcNow });
                    committed++;
                }
            });
            Assert.Equal(StoreFailure.Full, e.Failure);
            Assert.Contains(path, e.Message);
            Assert.Contains("--resume run-full", e.WithResume("run-full").Message);
            await store.DisposeAsync();
            SqliteConnection.ClearAllPools();

            await using var reopened = await SqliteResultStore.OpenReadOnlyAsync(path);
            Assert.True(committed > 0);
            Assert.Equal(committed, (await reopened.GetTrialsAsync("run-full")).Count);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Shell("umount", mount);
        }
    }

    private static int Shell(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(info)!;
            p.WaitForExit();
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
