using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers.RateLimiting;

/// <summary><c>UseRateLimiting(limiter)</c>: paces every call through a provider's shared <see cref="AdaptiveRateLimiter"/>.</summary>
public static class RateLimitingChatClientBuilderExtensions
{
    public static ChatClientBuilder UseRateLimiting(this ChatClientBuilder builder, AdaptiveRateLimiter limiter) =>
        builder.Use(inner => new RateLimitingChatClient(inner, limiter));
}
