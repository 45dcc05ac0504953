using AgentOps.Evals.Running;

namespace AgentOps.Evals.Storage;

/// <summary>Where runs and trials live. Each trial is written when it finishes, so a killed run loses nothing.</summary>
public interface IResultStore : IAsyncDisposable
{
    /// <summary>Stores a new run (status running) before its first trial.</summary>
    Task CreateRunAsync(RunInfo run, CancellationToken cancellationToken = default);

    /// <summary>Writes one finished trial; a second write of the same (run, case, trial) replaces the first.</summary>
    Task AppendTrialAsync(TrialResult trial, CancellationToken cancellationToken = default);

    /// <summary>Writes several finished trials together (one transaction where the store has them).</summary>
    async Task AppendTrialsAsync(IReadOnlyList<TrialResult> trials, CancellationToken cancellationToken = default)
    {
        foreach (var trial in trials) await AppendTrialAsync(trial, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks a run completed or interrupted, at <paramref name="finishedAt"/>.</summary>
    Task FinishRunAsync(string runId, RunStatus status, DateTimeOffset finishedAt, CancellationToken cancellationToken = default);

    /// <summary>One run, or null when the store has no run with that id.</summary>
    Task<RunInfo?> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Runs, newest first; optionally only one candidate's.</summary>
    Task<IReadOnlyList<RunInfo>> ListRunsAsync(string? candidate = null, CancellationToken cancellationToken = default);

    /// <summary>Every stored trial of a run, with outputs, trajectories and assertions.</summary>
    Task<IReadOnlyList<TrialResult>> GetTrialsAsync(string runId, CancellationToken cancellationToken = default);
}
