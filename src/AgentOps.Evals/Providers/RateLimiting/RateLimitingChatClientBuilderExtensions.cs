using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers.RateLimiting;

/// <summary><c>UseRateLimiting(limiter)</c>: paces every call through a provider's shared <see cref="AdaptiveRateLimiter"/>.</summary>
public static class RateLimitingChatClientBuilderExtensions
{
    /// <summary>Takes a lease from <paramref name="limiter"/> before each attempt and tells it the tokens used or a 429's retry-after; put it inside the retries.</summary>
    public static ChatClientBuilder UseRateLimiting(this ChatClientBuilder builder, AdaptiveRateLimiter limiter) =>
        builder.Use(inner => new RateLimitingChatClient(inner, limiter));
}
