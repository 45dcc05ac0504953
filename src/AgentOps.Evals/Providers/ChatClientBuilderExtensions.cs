using Microsoft.Extensions.AI;
using AgentOps.Evals.Config;

namespace AgentOps.Evals.Providers;

/// <summary>The harness's decorators as one-line <c>Use…</c> steps on <see cref="ChatClientBuilder"/>.</summary>
public static class ChatClientBuilderExtensions
{
    public static ChatClientBuilder UseCostMeter(this ChatClientBuilder builder, IReadOnlyDictionary<string, ModelPrice> pricing) =>
        builder.Use(inner => new CostMeteringChatClient(inner, pricing));

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

    public static ChatClientBuilder UseTimeout(this ChatClientBuilder builder, TimeSpan timeout) =>
        builder.Use(inner => new TimeoutChatClient(inner, timeout));

    public static ChatClientBuilder UseConcurrencyLimit(this ChatClientBuilder builder, int maxConcurrent) =>
        builder.Use(inner => new ConcurrencyLimitingChatClient(inner, maxConcurrent));
}
