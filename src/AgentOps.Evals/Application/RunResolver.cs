using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Application;

/// <summary>Turns a gate side (a stored run id, <c>last-green:NAME</c>, or a candidate to run now) into a stored run.</summary>
internal sealed class RunResolver(EvalWorkspace ws, IResultStore store, int k, string? filter, string? provider, IRunObserver observer)
{
    private const string LastGreenPrefix = "last-green:";

    public async Task<StoredRun> ResolveAsync(string spec, string field, CancellationToken cancellationToken)
    {
        if (spec.StartsWith(LastGreenPrefix, StringComparison.Ordinal))
            return await LastGreen.FindAsync(ws, store, spec[LastGreenPrefix.Length..], filter, field, cancellationToken).ConfigureAwait(false);
        if (await store.GetRunAsync(spec, cancellationToken).ConfigureAwait(false) is { } stored)
            return new StoredRun(stored, await store.GetTrialsAsync(stored.RunId, cancellationToken).ConfigureAwait(false));
        if (ws.Config.Candidates.ContainsKey(spec))
        {
            var result = await RunExecution.ExecuteAsync(ws, store, new RunRequest(spec, k, filter, Provider: provider), observer, cancellationToken).ConfigureAwait(false);
            if (result.Outcome.Status == RunStatus.Interrupted) throw new OperationCanceledException();
            return new StoredRun(result.Run, result.Trials);
        }
        throw new InputException(ws.StorePath, field,
            $"'{spec}' is neither a candidate ({string.Join(", ", ws.Config.Candidates.Keys.Order())}), a stored run id, nor last-green:CANDIDATE");
    }
}
