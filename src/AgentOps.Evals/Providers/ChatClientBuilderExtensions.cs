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

    public static ChatClientBuilder UseRecording(this ChatClientBuilder builder, CassetteFile cassette, string candidate) =>
        builder.Use(inner => new RecordingChatClient(inner, cassette, candidate));

    public static ChatClientBuilder UseTimeout(this ChatClientBuilder builder, TimeSpan timeout) =>
        builder.Use(inner => new TimeoutChatClient(inner, timeout));

    public static ChatClientBuilder UseConcurrencyLimit(this ChatClientBuilder builder, int maxConcurrent) =>
        builder.Use(inner => new ConcurrencyLimitingChatClient(inner, maxConcurrent));
}
