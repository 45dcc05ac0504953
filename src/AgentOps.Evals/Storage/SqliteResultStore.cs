using System.Globalization;
using System.Text.Json;
using AgentOps.Evals.Evaluation.Meai;
using AgentOps.Evals.Running;
using Microsoft.Data.Sqlite;

namespace AgentOps.Evals.Storage;

/// <summary>The default store: one SQLite file (<c>.agentops/results.db</c>) in WAL mode, safe for several writers.</summary>
public sealed class SqliteResultStore : IResultStore
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private readonly string _path;

    private SqliteResultStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        _path = path;
    }

    /// <summary>The store file, as errors name it.</summary>
    public string Path => _path;

    /// <summary>Opens (creating when needed, migrating an older version) the store at <paramref name="path"/>; a file that is
    /// not a store of a version this harness knows throws <see cref="StoreException"/> before anything else happens.</summary>
    public static async Task<SqliteResultStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = System.IO.Path.GetFullPath(path);
        return new SqliteResultStore(await SqliteStoreOpener.OpenAsync(full, readOnly: false, cancellationToken).ConfigureAwait(false), full);
    }

    /// <summary>Opens an existing store for reading only (<c>report</c>, <c>gate --from</c>): works on a read-only file or disk, never writes.</summary>
    public static async Task<SqliteResultStore> OpenReadOnlyAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = System.IO.Path.GetFullPath(path);
        return new SqliteResultStore(await SqliteStoreOpener.OpenAsync(full, readOnly: true, cancellationToken).ConfigureAwait(false), full);
    }

    /// <summary>Runs a store operation under the store's lock, naming the file in any SQLite error.</summary>
    private async Task<T> GuardedAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw StoreException.From(_path, e);
        }
        finally { _gate.Release(); }
    }

    public async Task CreateRunAsync(RunInfo run, CancellationToken cancellationToken = default)
    {
        await GuardedAsync(async () =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT OR REPLACE INTO runs (run_id, candidate, model_id, prompt_hash, provider, harness_version, k, revision, started_at, finished_at, status, filter, shard, git_commit, git_branch, cases)
                VALUES ($id, $candidate, $model, $hash, $provider, $version, $k, $revision, $started, $finished, $status, $filter, $shard, $commit, $branch, $cases)
                """;
            command.Parameters.AddWithValue("$id", run.RunId);
            command.Parameters.AddWithValue("$candidate", run.Candidate.Name);
            command.Parameters.AddWithValue("$model", run.Candidate.ModelId);
            command.Parameters.AddWithValue("$hash", run.Candidate.PromptHash);
            command.Parameters.AddWithValue("$provider", run.Candidate.Provider);
            command.Parameters.AddWithValue("$version", run.Candidate.HarnessVersion);
            command.Parameters.AddWithValue("$k", run.K);
            command.Parameters.AddWithValue("$revision", run.GoldenSetRevision);
            command.Parameters.AddWithValue("$started", run.StartedAt.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$finished", (object?)run.FinishedAt?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
            command.Parameters.AddWithValue("$status", run.Status.ToString());
            command.Parameters.AddWithValue("$filter", (object?)run.Filter ?? DBNull.Value);
            command.Parameters.AddWithValue("$shard", (object?)run.Shard ?? DBNull.Value);
            command.Parameters.AddWithValue("$commit", (object?)run.GitCommit ?? DBNull.Value);
            command.Parameters.AddWithValue("$branch", (object?)run.GitBranch ?? DBNull.Value);
            command.Parameters.AddWithValue("$cases", JsonSerializer.Serialize(run.Cases, StoreJson.Options));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task AppendTrialAsync(TrialResult trial, CancellationToken cancellationToken = default) =>
        AppendTrialsAsync([trial], cancellationToken);

    /// <summary>Writes several finished trials in one transaction (the runner's writer batches what has finished meanwhile).</summary>
    public async Task AppendTrialsAsync(IReadOnlyList<TrialResult> trials, CancellationToken cancellationToken = default)
    {
        if (trials.Count == 0) return;
        await GuardedAsync(async () =>
        {
            using var transaction = _connection.BeginTransaction();
            using var trialCommand = _connection.CreateCommand();
            trialCommand.Transaction = transaction;
            trialCommand.CommandText = """
                INSERT OR REPLACE INTO trials (run_id, case_id, trial, outcome, output, trajectory, input_tokens, output_tokens, cost_usd, judge_cost_usd, latency_ms, finish_reason, error, error_kind, finished_at)
                VALUES ($run, $case, $trial, $outcome, $output, $trajectory, $in, $out, $cost, $judge, $latency, $finish, $error, $kind, $at)
                """;
            var p = trialCommand.Parameters;
            var run = p.Add("$run", SqliteType.Text); var caseId = p.Add("$case", SqliteType.Text); var index = p.Add("$trial", SqliteType.Integer);
            var outcome = p.Add("$outcome", SqliteType.Text); var output = p.Add("$output", SqliteType.Text); var trajectory = p.Add("$trajectory", SqliteType.Text);
            var input = p.Add("$in", SqliteType.Integer); var outTokens = p.Add("$out", SqliteType.Integer); var cost = p.Add("$cost", SqliteType.Real);
            var judge = p.Add("$judge", SqliteType.Real); var latency = p.Add("$latency", SqliteType.Real); var finish = p.Add("$finish", SqliteType.Text);
            var error = p.Add("$error", SqliteType.Text); var kind = p.Add("$kind", SqliteType.Text); var at = p.Add("$at", SqliteType.Text);

            // A trial's assertions go in as one multi-row statement (one per distinct count) instead of one statement per
            // assertion, and only the ordinals past that count are deleted: 3 statements per trial instead of 2 + count.
            using var deleteCommand = _connection.CreateCommand();
            deleteCommand.Transaction = transaction;
            deleteCommand.CommandText = "DELETE FROM assertions WHERE run_id = $run AND case_id = $case AND trial = $trial AND ordinal >= $count";
            var dRun = deleteCommand.Parameters.Add("$run", SqliteType.Text); var dCase = deleteCommand.Parameters.Add("$case", SqliteType.Text);
            var dTrial = deleteCommand.Parameters.Add("$trial", SqliteType.Integer); var dCount = deleteCommand.Parameters.Add("$count", SqliteType.Integer);

            var assertionCommands = new Dictionary<int, AssertionInsert>();
            try
            {
                foreach (var t in trials)
                {
                    run.Value = t.RunId; caseId.Value = t.CaseId; index.Value = t.TrialIndex;
                    outcome.Value = OutcomeText(t.Outcome); output.Value = t.Output;
                    trajectory.Value = JsonSerializer.Serialize(t.Trajectory, StoreJson.Options);
                    input.Value = t.Usage.InputTokens; outTokens.Value = t.Usage.OutputTokens;
                    cost.Value = (double)t.Usage.CostUsd; judge.Value = (double)t.Usage.JudgeCostUsd;
                    latency.Value = t.LatencyMs; finish.Value = (object?)t.FinishReason ?? DBNull.Value;
                    error.Value = (object?)t.Error ?? DBNull.Value; kind.Value = (object?)t.ErrorKind ?? DBNull.Value;
                    at.Value = t.FinishedAt.ToString("O", CultureInfo.InvariantCulture);
                    await trialCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

                    dRun.Value = t.RunId; dCase.Value = t.CaseId; dTrial.Value = t.TrialIndex; dCount.Value = t.Assertions.Count;
                    await deleteCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    if (t.Assertions.Count == 0) continue;
                    if (!assertionCommands.TryGetValue(t.Assertions.Count, out var insert))
                        assertionCommands[t.Assertions.Count] = insert = new AssertionInsert(_connection, transaction, t.Assertions.Count);
                    await insert.ExecuteAsync(t, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                foreach (var insert in assertionCommands.Values) insert.Dispose();
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return trials.Count;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static string OutcomeText(TrialOutcome outcome) => outcome switch
    {
        TrialOutcome.Passed => nameof(TrialOutcome.Passed),
        TrialOutcome.Failed => nameof(TrialOutcome.Failed),
        _ => outcome.ToString(),
    };

    public async Task FinishRunAsync(string runId, RunStatus status, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        await GuardedAsync(async () =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE runs SET status = $status, finished_at = $at WHERE run_id = $id";
            command.Parameters.AddWithValue("$status", status.ToString());
            command.Parameters.AddWithValue("$at", finishedAt.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$id", runId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RunInfo?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        var runs = await QueryRunsAsync("WHERE run_id = $p", runId, cancellationToken).ConfigureAwait(false);
        return runs.FirstOrDefault();
    }

    public Task<IReadOnlyList<RunInfo>> ListRunsAsync(string? candidate = null, CancellationToken cancellationToken = default) =>
        candidate is null
            ? QueryRunsAsync("ORDER BY started_at DESC", null, cancellationToken)
            : QueryRunsAsync("WHERE candidate = $p ORDER BY started_at DESC", candidate, cancellationToken);

    private Task<IReadOnlyList<RunInfo>> QueryRunsAsync(string where, string? parameter, CancellationToken cancellationToken) =>
        GuardedAsync<IReadOnlyList<RunInfo>>(async () =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT run_id, candidate, model_id, prompt_hash, provider, harness_version, k, revision, started_at, finished_at, status, filter, shard, git_commit, git_branch, cases FROM runs " + where;
            if (parameter is not null) command.Parameters.AddWithValue("$p", parameter);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var runs = new List<RunInfo>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                runs.Add(new RunInfo
                {
                    RunId = reader.GetString(0),
                    Candidate = new CandidateIdentity(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)),
                    K = reader.GetInt32(6),
                    GoldenSetRevision = reader.GetString(7),
                    StartedAt = DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture),
                    FinishedAt = reader.IsDBNull(9) ? null : DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture),
                    Status = Enum.Parse<RunStatus>(reader.GetString(10)),
                    Filter = reader.IsDBNull(11) ? null : reader.GetString(11),
                    Shard = reader.IsDBNull(12) ? null : reader.GetString(12),
                    GitCommit = reader.IsDBNull(13) ? null : reader.GetString(13),
                    GitBranch = reader.IsDBNull(14) ? null : reader.GetString(14),
                    Cases = JsonSerializer.Deserialize<List<RunCase>>(reader.GetString(15), StoreJson.Options) ?? [],
                });
            }
            return runs;
        }, cancellationToken);

    public Task<IReadOnlyList<TrialResult>> GetTrialsAsync(string runId, CancellationToken cancellationToken = default) =>
        ReadTrialsAsync(runId, summary: false, cancellationToken);

    /// <summary>A run's trials without outputs and trajectories, with only the failed assertions: enough for a run's
    /// table and exit code, and small enough that a 100,000-trial run's memory stays flat.</summary>
    public Task<IReadOnlyList<TrialResult>> GetTrialSummariesAsync(string runId, CancellationToken cancellationToken = default) =>
        ReadTrialsAsync(runId, summary: true, cancellationToken);

    private Task<IReadOnlyList<TrialResult>> ReadTrialsAsync(string runId, bool summary, CancellationToken cancellationToken) =>
        GuardedAsync<IReadOnlyList<TrialResult>>(async () =>
        {
            var assertions = new Dictionary<(string, int), List<AssertionResult>>();
            using (var command = _connection.CreateCommand())
            {
                // Summaries leave the metrics out: a run's table and exit code need only the verdicts.
                command.CommandText = $"SELECT case_id, trial, type, passed, reason, score, infra_error, {(summary ? "NULL" : "metric")} FROM assertions WHERE run_id = $run"
                    + (summary ? " AND passed = 0" : "") + " ORDER BY case_id, trial, ordinal";
                command.Parameters.AddWithValue("$run", runId);
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var key = (reader.GetString(0), reader.GetInt32(1));
                    if (!assertions.TryGetValue(key, out var list)) assertions[key] = list = [];
                    list.Add(new AssertionResult(reader.GetString(2), reader.GetInt32(3) == 1, reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.GetInt32(6) == 1)
                    {
                        Metric = reader.IsDBNull(7) ? null : JsonSerializer.Deserialize<EvaluatorMetric>(reader.GetString(7), StoreJson.Options),
                    });
                }
            }
            using (var command = _connection.CreateCommand())
            {
                command.CommandText = $"""
                    SELECT case_id, trial, outcome, {(summary ? "'', 'null'" : "output, trajectory")}, input_tokens, output_tokens, cost_usd, judge_cost_usd, latency_ms, finish_reason, error, error_kind, finished_at
                    FROM trials WHERE run_id = $run ORDER BY case_id, trial
                    """;
                command.Parameters.AddWithValue("$run", runId);
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var trials = new List<TrialResult>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var caseId = reader.GetString(0);
                    var index = reader.GetInt32(1);
                    trials.Add(new TrialResult
                    {
                        RunId = runId,
                        CaseId = caseId,
                        TrialIndex = index,
                        Outcome = Enum.Parse<TrialOutcome>(reader.GetString(2)),
                        Output = reader.GetString(3),
                        Trajectory = JsonSerializer.Deserialize<Trajectory>(reader.GetString(4), StoreJson.Options) ?? Trajectory.Empty,
                        Usage = new TokenUsage(reader.GetInt64(5), reader.GetInt64(6), (decimal)reader.GetDouble(7), (decimal)reader.GetDouble(8)),
                        LatencyMs = reader.GetDouble(9),
                        FinishReason = reader.IsDBNull(10) ? null : reader.GetString(10),
                        Error = reader.IsDBNull(11) ? null : reader.GetString(11),
                        ErrorKind = reader.IsDBNull(12) ? null : reader.GetString(12),
                        FinishedAt = DateTimeOffset.Parse(reader.GetString(13), CultureInfo.InvariantCulture),
                        Assertions = assertions.TryGetValue((caseId, index), out var list) ? list : [],
                    });
                }
                return trials;
            }
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
