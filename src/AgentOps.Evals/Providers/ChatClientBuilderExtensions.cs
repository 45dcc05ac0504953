using Microsoft.Extensions.AI;
using AgentOps.Evals.Config;

namespace AgentOps.Evals.Providers;

/// <summary>The harness's decorators as one-line <c>Use…</c> steps on <see cref="ChatClientBuilder"/>.</summary>
public static class ChatClientBuilderExtensions
{
    /// <summary>Prices each call's token usage from <paramref name="pricing"/> (USD per million tokens, by model) and charges it to the usage meter of the call's <see cref="TrialContext"/>.</summary>
    public static ChatClientBuilder UseCostMeter(this ChatClientBuilder builder, IReadOnlyDictionary<string, ModelPrice> pricing) =>
        builder.Use(inner => new CostMeteringChatClient(inner, pricing));

    /// <summary>Retries 429, 5xx, timeouts, unreachable endpoints and malformed replies per <paramref name="policy"/>, honouring Retry-After; never other 4xx.</summary>
    public static ChatClientBuilder UseRetries(this ChatClientBuilder builder, RetryPolicy policy, TimeProvider? time = null) =>
        builder.Use(inner => new RetryingChatClient(inner, policy, time));

    /// <summary>Record mode: every successful call is written to <paramref name="cassette"/>, keyed by its trial.</summary>
    public static ChatClientBuilder UseRecording(this ChatClientBuilder builder, CassetteFile cassette) =>
        builder.Use(inner => new RecordingChatClient(inner, cassette));

    /// <summary>Replay mode over any provider: calls are answered from <paramref name="cassette"/> and never reach the provider.</summary>
    public static ChatClientBuilder UseReplay(this ChatClientBuilder builder, CassetteFile cassette) =>
        builder.Use(inner => new ReplayingChatClient(inner, cassette));

    /// <summary>Removes the harness's trial context from the options before the provider sees them; put it last (innermost).</summary>
    public static ChatClientBuilder UseProviderBoundary(this ChatClientBuilder builder) =>
        builder.Use(inner => new ProviderBoundaryChatClient(inner));

    /// <summary>Gives each call (a stream: until its last update) <paramref name="timeout"/>; a call over it fails as a retryable timeout.</summary>
    public static ChatClientBuilder UseTimeout(this ChatClientBuilder builder, TimeSpan timeout) =>
        builder.Use(inner => new TimeoutChatClient(inner, timeout));

    /// <summary>At most <paramref name="maxConcurrent"/> calls in flight through this client; a stream holds its slot until it ends.</summary>
    public static ChatClientBuilder UseConcurrencyLimit(this ChatClientBuilder builder, int maxConcurrent) =>
        builder.Use(inner => new ConcurrencyLimitingChatClient(inner, maxConcurrent));
}
