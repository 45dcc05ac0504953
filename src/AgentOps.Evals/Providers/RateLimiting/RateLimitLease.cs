namespace AgentOps.Evals.Providers.RateLimiting;

/// <summary>Permission for one call to a provider; disposing it frees the provider's concurrency slot.</summary>
public sealed class RateLimitLease(SemaphoreSlim? slots) : IDisposable
{
    private SemaphoreSlim? _slots = slots;

    /// <summary>Frees the slot; disposing twice frees it once.</summary>
    public void Dispose() => Interlocked.Exchange(ref _slots, null)?.Release();
}
