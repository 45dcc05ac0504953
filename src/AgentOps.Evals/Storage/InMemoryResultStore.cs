using System.Collections.Concurrent;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Storage;

/// <summary>A store that lives in memory: for <c>dotnet test</c> runs of the golden set and for tests.</summary>
public sealed class InMemoryResultStore : IResultStore
{
    private readonly ConcurrentDictionary<string, RunInfo> _runs = new();
    private readonly ConcurrentDictionary<(string Run, string Case, int Trial), TrialResult> _trials = new();

    /// <inheritdoc />
    public Task CreateRunAsync(RunInfo run, CancellationToken cancellationToken = default)
    {
        _runs[run.RunId] = run;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AppendTrialAsync(TrialResult trial, CancellationToken cancellationToken = default)
    {
        _trials[(trial.RunId, trial.CaseId, trial.TrialIndex)] = trial;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task FinishRunAsync(string runId, RunStatus status, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        if (_runs.TryGetValue(runId, out var run)) _runs[runId] = run with { Status = status, FinishedAt = finishedAt };
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RunInfo?> GetRunAsync(string runId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_runs.GetValueOrDefault(runId));

    /// <inheritdoc />
    public Task<IReadOnlyList<RunInfo>> ListRunsAsync(string? candidate = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RunInfo>>(_runs.Values.Where(r => candidate is null || r.Candidate.Name == candidate).OrderByDescending(r => r.StartedAt).ToList());

    /// <inheritdoc />
    public Task<IReadOnlyList<TrialResult>> GetTrialsAsync(string runId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TrialResult>>(_trials.Values.Where(t => t.RunId == runId).OrderBy(t => t.CaseId, StringComparer.Ordinal).ThenBy(t => t.TrialIndex).ToList());

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
