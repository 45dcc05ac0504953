using System.Collections.Concurrent;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Tests.Running;

public sealed class TrialWriterTests
{
    private static TrialResult Trial(int i) => new() { RunId = "run-1", CaseId = $"case-{i:000}", TrialIndex = 0, Outcome = TrialOutcome.Passed };

    [Fact]
    public async Task Trials_finishing_within_one_commit_interval_share_a_transaction()
    {
        var store = new BatchRecordingStore();
        await using (var writer = new TrialWriter(store, commitInterval: TimeSpan.FromHours(1)))
        {
            // Spread out, so a writer that commits whatever is there each time would make about one commit per trial.
            for (var i = 0; i < 20; i++)
            {
                await writer.WriteAsync(Trial(i));
                await Task.Delay(5);
            }
        }
        // The first trial after a quiet spell commits at once; the others wait for the interval (cut short by the end of the run).
        Assert.InRange(store.Batches.Count, 1, 2);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"case-{i:000}"), store.Batches.SelectMany(b => b).Select(t => t.CaseId));
    }

    [Fact]
    public async Task A_trial_after_a_quiet_spell_is_stored_without_waiting_for_the_run_to_end()
    {
        var store = new BatchRecordingStore();
        await using var writer = new TrialWriter(store, commitInterval: TimeSpan.FromHours(1));
        await writer.WriteAsync(Trial(1));
        // A kill now must not lose it: it is committed before the writer is closed.
        var stored = await Poll(() => store.Batches.Count == 1, TimeSpan.FromSeconds(30));
        Assert.True(stored, "the first trial was not committed while the run was still going");
    }

    [Fact]
    public async Task Every_trial_reaches_a_real_store_once_when_the_run_ends()
    {
        var path = Path.Combine(Path.GetTempPath(), $"trial-writer-{Guid.NewGuid():N}.db");
        try
        {
            await using var store = await SqliteResultStore.OpenAsync(path);
            await store.CreateRunAsync(new RunInfo { RunId = "run-1", Candidate = new CandidateIdentity("prod", "m", "h", "p", "v"), K = 1, GoldenSetRevision = "r", StartedAt = DateTimeOffset.UnixEpoch });
            await using (var writer = new TrialWriter(store))
            {
                await Parallel.ForAsync(0, 500, async (i, _) => await writer.WriteAsync(Trial(i)));
            }
            var trials = await store.GetTrialsAsync("run-1");
            Assert.Equal(500, trials.Count);
            Assert.Equal(500, trials.Select(t => t.CaseId).Distinct().Count());
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }

    [Fact]
    public async Task A_failing_store_fails_the_run_instead_of_leaving_it_waiting_for_room()
    {
        var writer = new TrialWriter(new BatchRecordingStore { Failure = new IOException("disk full") });
        // More trials than the writer can hold (4,096 queued + 2,048 in a batch): with the store gone, the run must not block
        // forever on a full queue.
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 10_000; i++) await writer.WriteAsync(Trial(i));
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => writing.WaitAsync(TimeSpan.FromMinutes(5)));
        Assert.IsNotType<TimeoutException>(error);
        Assert.Contains("disk full", error.ToString());
        var onClose = await Assert.ThrowsAsync<IOException>(async () => await writer.DisposeAsync());
        Assert.Equal("disk full", onClose.Message);
    }

    private static async Task<bool> Poll(Func<bool> condition, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > until) return false;
            await Task.Delay(10);
        }
        return true;
    }

    /// <summary>An in-memory store that remembers how trials arrived: one list per transaction.</summary>
    private sealed class BatchRecordingStore : IResultStore
    {
        public ConcurrentQueue<IReadOnlyList<TrialResult>> Batches { get; } = new();
        public Exception? Failure { get; init; }

        public Task AppendTrialsAsync(IReadOnlyList<TrialResult> trials, CancellationToken cancellationToken = default)
        {
            if (Failure is not null) throw Failure;
            Batches.Enqueue(trials.ToList());
            return Task.CompletedTask;
        }

        public Task AppendTrialAsync(TrialResult trial, CancellationToken cancellationToken = default) => AppendTrialsAsync([trial], cancellationToken);
        public Task CreateRunAsync(RunInfo run, CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task FinishRunAsync(string runId, RunStatus status, DateTimeOffset finishedAt, CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task<RunInfo?> GetRunAsync(string runId, CancellationToken cancellationToken = default) => Task.FromResult<RunInfo?>(null);
        public Task<IReadOnlyList<RunInfo>> ListRunsAsync(string? candidate = null, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<RunInfo>>([]);
        public Task<IReadOnlyList<TrialResult>> GetTrialsAsync(string runId, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<TrialResult>>([]);
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
