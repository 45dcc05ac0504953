using System.Globalization;
using System.Text.Json;
using AgentOps.Evals.Harvesting.Drift;
using AgentOps.Evals.Storage;
using Microsoft.Data.Sqlite;

namespace AgentOps.Evals.Harvesting.Health;

/// <summary>
/// Harvest runs in the results store (<c>harvest_runs</c>, store migration 5) beside the eval and drift runs: what each
/// nightly harvest wrote and its time to eval, so <c>health</c> reads the intake of production-sourced cases and the
/// feedback → case hours from the store, not only from the case files that are there today.
/// </summary>
internal static class HarvestHistory
{
    public static void Record(string storePath, HarvestSummary summary, DateTimeOffset at)
    {
        using var connection = SqliteStoreOpener.OpenAsync(Path.GetFullPath(storePath), readOnly: false, CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO harvest_runs (run_id, at, sessions, cases_written, cases_present, summary)
            VALUES ($id, $at, $sessions, $written, $present, $summary);
            """;
        command.Parameters.AddWithValue("$id", RunId(at));
        command.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$sessions", summary.SessionsRead);
        command.Parameters.AddWithValue("$written", summary.CasesWritten.Count);
        command.Parameters.AddWithValue("$present", summary.CasesAlreadyPresent.Count);
        // Counts and hours only: case paths and skipped lines stay out of the store (a skipped line quotes input).
        var stored = new HarvestRun(RunId(at), at, summary.SessionsRead, summary.FlaggedByFlag, summary.CasesWritten.Count, summary.CasesAlreadyPresent.Count, summary.TimeToEval);
        command.Parameters.AddWithValue("$summary", JsonSerializer.Serialize(stored, DriftJson.Options));
        command.ExecuteNonQuery();
    }

    /// <summary>Stored harvest runs from <paramref name="since"/> on, oldest first; none when the store or the table does not exist.</summary>
    public static IReadOnlyList<HarvestRun> Since(string storePath, DateTimeOffset since)
    {
        var full = Path.GetFullPath(storePath);
        if (!File.Exists(full)) return [];
        using var connection = SqliteStoreOpener.OpenAsync(full, readOnly: true, CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT summary FROM harvest_runs WHERE at >= $since ORDER BY at";
        command.Parameters.AddWithValue("$since", since.ToString("O", CultureInfo.InvariantCulture));
        var runs = new List<HarvestRun>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
                if (JsonSerializer.Deserialize<HarvestRun>(reader.GetString(0), DriftJson.Options) is { } run) runs.Add(run);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1) { return []; } // no such table: a store older than migration 5, opened read-only
        return runs;
    }

    private static string RunId(DateTimeOffset at) => $"harvest-{at.UtcDateTime:yyyyMMdd-HHmmss}";
}

/// <summary>One stored harvest run: when, how many sessions it read and flagged, what it wrote, and its time to eval.</summary>
internal sealed record HarvestRun(string RunId, DateTimeOffset At, int Sessions, IReadOnlyDictionary<string, int> FlaggedByFlag, int CasesWritten, int CasesAlreadyPresent,
    TimeToEvalStats TimeToEval);
