namespace AgentOps.Evals.Providers;

/// <summary>How transient failures are retried: count, backoff bounds, and the time budget 429s are waited out in.</summary>
/// <param name="MaxRetries">Retries of server errors, timeouts, unreachable endpoints and malformed replies.</param>
/// <param name="Budget">How long one call may keep retrying 429s: a rate limit is waited out by time (honouring every
/// retry-after in full), not given up after a small count. Null: 429s count against <paramref name="MaxRetries"/>.</param>
public sealed record RetryPolicy(int MaxRetries = 4, TimeSpan? BaseDelay = null, TimeSpan? MaxDelay = null, TimeSpan? Budget = null)
{
    public TimeSpan Base => BaseDelay ?? TimeSpan.FromMilliseconds(200);
    public TimeSpan Max => MaxDelay ?? TimeSpan.FromSeconds(30);
}
