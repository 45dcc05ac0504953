using System.Text;
using System.Text.Json;
using AgentOps.Evals.Running;
using Microsoft.Data.Sqlite;

namespace AgentOps.Evals.Storage;

/// <summary>One prepared multi-row INSERT for a trial's N assertions: one statement step per trial instead of N.</summary>
internal sealed class AssertionInsert : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _run, _case, _trial;
    private readonly SqliteParameter[] _type, _passed, _reason, _score, _infra, _metric;

    public AssertionInsert(SqliteConnection connection, SqliteTransaction transaction, int count)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        var sql = new StringBuilder("INSERT OR REPLACE INTO assertions (run_id, case_id, trial, ordinal, type, passed, reason, score, infra_error, metric) VALUES ");
        for (var i = 0; i < count; i++)
            sql.Append(i == 0 ? "" : ", ").Append($"($run, $case, $trial, {i}, $t{i}, $p{i}, $r{i}, $s{i}, $i{i}, $m{i})");
        _command.CommandText = sql.ToString();
        var p = _command.Parameters;
        _run = p.Add("$run", SqliteType.Text); _case = p.Add("$case", SqliteType.Text); _trial = p.Add("$trial", SqliteType.Integer);
        _type = new SqliteParameter[count]; _passed = new SqliteParameter[count]; _reason = new SqliteParameter[count];
        _score = new SqliteParameter[count]; _infra = new SqliteParameter[count]; _metric = new SqliteParameter[count];
        for (var i = 0; i < count; i++)
        {
            _type[i] = p.Add($"$t{i}", SqliteType.Text); _passed[i] = p.Add($"$p{i}", SqliteType.Integer); _reason[i] = p.Add($"$r{i}", SqliteType.Text);
            _score[i] = p.Add($"$s{i}", SqliteType.Real); _infra[i] = p.Add($"$i{i}", SqliteType.Integer); _metric[i] = p.Add($"$m{i}", SqliteType.Text);
        }
    }

    public Task<int> ExecuteAsync(TrialResult trial, CancellationToken cancellationToken)
    {
        _run.Value = trial.RunId; _case.Value = trial.CaseId; _trial.Value = trial.TrialIndex;
        for (var i = 0; i < _type.Length; i++)
        {
            var r = trial.Assertions[i];
            _type[i].Value = r.Type; _passed[i].Value = r.Passed ? 1 : 0; _reason[i].Value = r.Reason;
            _score[i].Value = (object?)r.Score ?? DBNull.Value; _infra[i].Value = r.InfraError ? 1 : 0;
            _metric[i].Value = r.Metric is null ? DBNull.Value : JsonSerializer.Serialize(r.Metric, StoreJson.Options);
        }
        return _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose() => _command.Dispose();
}
