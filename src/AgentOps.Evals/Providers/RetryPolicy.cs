namespace AgentOps.Evals.Providers;

/// <summary>How transient failures are retried: count, backoff bounds, and the longest Retry-After honoured.</summary>
public sealed record RetryPolicy(int MaxRetries = 4, TimeSpan? BaseDelay = null, TimeSpan? MaxDelay = null)
{
    public TimeSpan Base => BaseDelay ?? TimeSpan.FromMilliseconds(200);
    public TimeSpan Max => MaxDelay ?? TimeSpan.FromSeconds(30);
}
