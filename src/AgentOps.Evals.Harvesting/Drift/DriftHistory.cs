using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>
/// Drift runs in the results store (<c>.agentops/results.db</c>), in a table of their own (<c>drift_runs</c>) beside the
/// store's runs and trials, which stay untouched, so <c>health</c> can read coverage against drift over time.
/// </summary>
public static class DriftHistory
{
    private const string Schema = """
        PRAGMA busy_timeout = 10000;
        CREATE TABLE IF NOT EXISTS drift_runs (
            run_id TEXT PRIMARY KEY,
            at TEXT NOT NULL,
            since TEXT,
            until TEXT,
            queries INTEGER NOT NULL,
            clusters INTEGER NOT NULL,
            flagged INTEGER NOT NULL,
            no_case_share REAL NOT NULL,
            drifted INTEGER NOT NULL,
            report TEXT NOT NULL);
        """;

    public static void Record(string storePath, DriftReport report)
    {
        using var connection = Open(storePath, create: true)!;
        using var command = connection.CreateCommand();
        command.CommandText = Schema + """
            INSERT OR REPLACE INTO drift_runs (run_id, at, since, until, queries, clusters, flagged, no_case_share, drifted, report)
            VALUES ($id, $at, $since, $until, $queries, $clusters, $flagged, $share, $drifted, $report);
            """;
        command.Parameters.AddWithValue("$id", report.RunId);
        command.Parameters.AddWithValue("$at", report.At.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$since", (object?)report.Since?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
        command.Parameters.AddWithValue("$until", (object?)report.Until?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
        command.Parameters.AddWithValue("$queries", report.Queries);
        command.Parameters.AddWithValue("$clusters", report.Clusters.Count);
        command.Parameters.AddWithValue("$flagged", report.Clusters.Count(c => c.Flagged));
        command.Parameters.AddWithValue("$share", report.NoCaseShare);
        command.Parameters.AddWithValue("$drifted", report.Drifted ? 1 : 0);
        command.Parameters.AddWithValue("$report", JsonSerializer.Serialize(report, DriftJson.Options));
        command.ExecuteNonQuery();
    }

    /// <summary>Stored drift runs, newest first (at most <paramref name="limit"/>); none when the store or the table does not exist.</summary>
    public static IReadOnlyList<DriftReport> Recent(string storePath, int limit = 12)
    {
        using var connection = Open(storePath, create: false);
        if (connection is null) return [];
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT report FROM drift_runs ORDER BY at DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        var reports = new List<DriftReport>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
                if (JsonSerializer.Deserialize<DriftReport>(reader.GetString(0), DriftJson.Options) is { } report) reports.Add(report);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1) { return []; } // no such table: drift never ran against this store
        return reports;
    }

    private static SqliteConnection? Open(string storePath, bool create)
    {
        var full = Path.GetFullPath(storePath);
        if (!create && !File.Exists(full)) return null;
        if (create) Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false, Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        return connection;
    }
}
