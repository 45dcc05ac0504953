using System.Diagnostics;
using System.Threading.Channels;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Running;

/// <summary>Writes finished trials to the store as they arrive. Under load, trials finishing within one commit interval
/// share a transaction (group commit); a trial arriving after a quiet spell is committed at once.</summary>
internal sealed class TrialWriter : IAsyncDisposable
{
    /// <summary>Measured (bench/README.md): a SQLite commit has a fixed cost, so committing each of W1's 10,000 trials alone
    /// took 1.4 s of CPU. 5 ms groups cut most of that while a kill loses at most the trials of the last 5 ms (about as
    /// long as a commit itself takes), far fewer than the calls in flight it loses anyway.</summary>
    public static readonly TimeSpan DefaultCommitInterval = TimeSpan.FromMilliseconds(5);

    // Bounded: when the store falls behind (fast targets), trials wait for it instead of piling up in memory.
    private readonly Channel<TrialResult> _channel = Channel.CreateBounded<TrialResult>(new BoundedChannelOptions(4096) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly IResultStore _store;
    private readonly TimeSpan _commitInterval;
    private readonly Task _pump;
    // Cancelled when the run ends: what is left is committed without waiting out the interval.
    private readonly CancellationTokenSource _closing = new();

    public TrialWriter(IResultStore store, TimeSpan? commitInterval = null)
    {
        _store = store;
        _commitInterval = commitInterval ?? DefaultCommitInterval;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Queues a finished trial; waits only while 4,096 trials are already waiting for the store.</summary>
    public ValueTask WriteAsync(TrialResult trial) => _channel.Writer.WriteAsync(trial, CancellationToken.None);

    private async Task PumpAsync()
    {
        var batch = new List<TrialResult>(256);
        long lastCommit = 0;
        try
        {
            // Not cancellable on purpose: on Ctrl-C every finished trial still reaches the store.
            while (await _channel.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                var sinceLast = lastCommit == 0 ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(lastCommit);
                if (sinceLast < _commitInterval && !_closing.IsCancellationRequested)
                    await Task.Delay(_commitInterval - sinceLast, _closing.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                while (batch.Count < 2048 && _channel.Reader.TryRead(out var trial)) batch.Add(trial);
                await _store.AppendTrialsAsync(batch).ConfigureAwait(false);
                lastCommit = Stopwatch.GetTimestamp();
                batch.Clear();
            }
        }
        catch (Exception e)
        {
            // The store failed (disk full, file gone): fail the writers too, or they would wait for room that never comes.
            _channel.Writer.TryComplete(e);
            throw;
        }
    }

    /// <summary>Waits until every written trial is stored.</summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _closing.CancelAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false);
        _closing.Dispose();
    }
}
