namespace AgentOps.Evals.Providers;

/// <summary>How transient failures are retried: count, backoff bounds, and the time budget 429s are waited out in.</summary>
/// <param name="MaxRetries">Retries of server errors, timeouts, unreachable endpoints and malformed replies.</param>
/// <param name="Budget">How long one call may keep retrying 429s: a rate limit is waited out by time (honouring every
/// retry-after in full), not given up after a small count. Null: 429s count against <paramref name="MaxRetries"/>.</param>
/// <param name="BaseDelay">First backoff delay, doubled each retry (null: 200 ms).</param>
/// <param name="MaxDelay">Cap on one backoff delay and on a server's retry-after outside 429s (null: 30 s).</param>
public sealed record RetryPolicy(int MaxRetries = 4, TimeSpan? BaseDelay = null, TimeSpan? MaxDelay = null, TimeSpan? Budget = null)
{
    /// <summary>The first backoff delay in effect: <see cref="BaseDelay"/> or 200 ms.</summary>
    public TimeSpan Base => BaseDelay ?? TimeSpan.FromMilliseconds(200);
    /// <summary>The backoff cap in effect: <see cref="MaxDelay"/> or 30 s.</summary>
    public TimeSpan Max => MaxDelay ?? TimeSpan.FromSeconds(30);
}
