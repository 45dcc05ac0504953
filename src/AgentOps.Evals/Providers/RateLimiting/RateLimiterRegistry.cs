using System.Collections.Concurrent;
using AgentOps.Evals.Config;

namespace AgentOps.Evals.Providers.RateLimiting;

/// <summary>One <see cref="AdaptiveRateLimiter"/> per provider per process, so every candidate and the judge calling the same
/// provider share one budget and one picture of its limit.</summary>
public static class RateLimiterRegistry
{
    private static readonly ConcurrentDictionary<string, AdaptiveRateLimiter> s_limiters = new(StringComparer.Ordinal);

    /// <summary>The limiter of <paramref name="provider"/>. Keyed by name and endpoint: two configs in one process (tests)
    /// that name different servers "fake" do not share a limit. The first caller's limits and clock win.</summary>
    public static AdaptiveRateLimiter For(ProviderConfig provider, TimeProvider? time = null) =>
        s_limiters.GetOrAdd($"{provider.Name}\n{provider.Endpoint}\n{provider.Limits}", _ => new AdaptiveRateLimiter(provider.Limits, time));
}
