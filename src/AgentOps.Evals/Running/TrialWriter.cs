using System.Threading.Channels;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Running;

/// <summary>Writes finished trials to the store as they arrive, batching whatever finished meanwhile into one transaction.</summary>
internal sealed class TrialWriter : IAsyncDisposable
{
    private readonly Channel<TrialResult> _channel = Channel.CreateUnbounded<TrialResult>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IResultStore _store;
    private readonly Task _pump;

    public TrialWriter(IResultStore store)
    {
        _store = store;
        _pump = Task.Run(PumpAsync);
    }

    public void Write(TrialResult trial)
    {
        if (!_channel.Writer.TryWrite(trial)) throw new InvalidOperationException("the trial writer is closed");
    }

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
