using AgentOps.Evals.Providers;
using AgentOps.Evals.Providers.RateLimiting;

namespace AgentOps.Evals.Targets;

/// <summary>How the http target calls the agent: the same retries, per-call time limit, provider rate limiting and
/// recording as chat calls.</summary>
/// <param name="Retries">How many times a retryable failure (429, 5xx, timeout) is tried again, and the backoff between tries.</param>
/// <param name="Timeout">Each attempt's time limit (<c>run.timeout-s</c>); going over it is a <c>timeout</c> infra error for the trial.</param>
/// <param name="Limiter">The provider's shared limiter; null paces nothing.</param>
/// <param name="Recording">With <c>run --record</c>: the cassette every reply is written to, so the trial replays offline.</param>
/// <param name="Time">The clock for latency and backoff; null: the system clock (tests pass a fake).</param>
public sealed record HttpTargetOptions(RetryPolicy Retries, TimeSpan Timeout, AdaptiveRateLimiter? Limiter = null, CassetteFile? Recording = null, TimeProvider? Time = null)
{
    /// <summary>One attempt, a minute, no limiter: what a bare <c>new HttpTarget(http, uri)</c> does.</summary>
    public static HttpTargetOptions Single { get; } = new(new RetryPolicy(0), TimeSpan.FromSeconds(60));
}
