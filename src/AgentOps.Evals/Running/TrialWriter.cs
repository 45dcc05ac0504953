using System.Threading.Channels;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Running;

/// <summary>Writes finished trials to the store as they arrive, batching whatever finished meanwhile into one transaction.</summary>
internal sealed class TrialWriter : IAsyncDisposable
{
    // Bounded: when the store falls behind (fast targets), trials wait for it instead of piling up in memory.
    private readonly Channel<TrialResult> _channel = Channel.CreateBounded<TrialResult>(new BoundedChannelOptions(4096) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly IResultStore _store;
    private readonly Task _pump;

    public TrialWriter(IResultStore store)
    {
        _store = store;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Queues a finished trial; waits only while 4,096 trials are already waiting for the store.</summary>
    public ValueTask WriteAsync(TrialResult trial) => _channel.Writer.WriteAsync(trial, CancellationToken.None);

    private async Task PumpAsync()
    {
        var batch = new List<TrialResult>(256);
        // Not cancellable on purpose: on Ctrl-C every finished trial still reaches the store.
        while (await _channel.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < 2048 && _channel.Reader.TryRead(out var trial)) batch.Add(trial);
            if (_store is SqliteResultStore sqlite) await sqlite.AppendTrialsAsync(batch).ConfigureAwait(false);
            else foreach (var trial in batch) await _store.AppendTrialAsync(trial).ConfigureAwait(false);
            batch.Clear();
        }
    }

    /// <summary>Waits until every written trial is stored.</summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
    }
}
