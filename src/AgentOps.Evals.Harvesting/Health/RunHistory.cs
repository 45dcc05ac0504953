using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AgentOps.Evals.Harvesting.Health;

/// <summary>
/// Flaky cases from the results store's run history: a case is flaky in a run when its trials there both passed and
/// failed (infrastructure errors aside). Reads the store's runs and trials tables read-only; a missing store has none.
/// </summary>
internal static class RunHistory
{
    public static IReadOnlyList<DebtCase> FlakyCases(string storePath, int newestRuns, DateTimeOffset now)
    {
        if (!File.Exists(storePath)) return [];
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(storePath), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            WITH recent AS (SELECT run_id, started_at FROM runs ORDER BY started_at DESC LIMIT $n)
            SELECT t.case_id, r.started_at,
                   SUM(CASE WHEN t.outcome = 'Passed' THEN 1 ELSE 0 END), SUM(CASE WHEN t.outcome = 'Failed' THEN 1 ELSE 0 END)
            FROM trials t JOIN recent r ON r.run_id = t.run_id
            GROUP BY t.run_id, t.case_id
            """;
        command.Parameters.AddWithValue("$n", newestRuns);
        var flaky = new Dictionary<string, (DateTimeOffset First, int Runs, int Of)>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                seen[id] = seen.GetValueOrDefault(id) + 1;
                if (reader.GetInt64(2) == 0 || reader.GetInt64(3) == 0) continue;
                var at = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
                flaky[id] = flaky.TryGetValue(id, out var f) ? (at < f.First ? at : f.First, f.Runs + 1, 0) : (at, 1, 0);
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1) { return []; } // a store without runs yet
        return flaky.Select(f => new DebtCase(f.Key, f.Value.First, Math.Round((now - f.Value.First).TotalDays, 1),
                string.Create(CultureInfo.InvariantCulture, $"flaky in {f.Value.Runs} of its last {seen[f.Key]} runs")))
            .OrderByDescending(d => d.Days).ThenBy(d => d.CaseId, StringComparer.Ordinal).ToList();
    }
}
