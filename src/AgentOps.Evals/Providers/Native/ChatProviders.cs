using AgentOps.Evals.Config;
using AgentOps.Evals.Providers.RateLimiting;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers.Native;

/// <summary>The one place provider kinds are registered: each <c>type</c> that answers chat calls, and how to build its raw
/// client. Every raw client then sits under the same decorators (<see cref="ChatClientFactory"/>).</summary>
internal static class ChatProviders
{
    private delegate IChatClient Factory(ProviderConfig provider, EvalConfig config, string model, AdaptiveRateLimiter? limiter, TimeProvider? time);

    private static readonly Dictionary<string, Factory> s_kinds = new(StringComparer.Ordinal)
    {
        ["openai"] = ChatClientFactory.CreateOpenAI,
        ["azure-openai"] = AzureOpenAIProvider.Create,
        ["anthropic"] = AnthropicProvider.Create,
        ["ollama"] = OllamaProvider.Create,
    };

    /// <summary>The provider types that serve a chat candidate live (replay serves cassettes; http is a target, not a model).</summary>
    public static IReadOnlyCollection<string> Kinds => s_kinds.Keys;

    public static bool Serves(string type) => s_kinds.ContainsKey(type);

    /// <summary>The raw client of <paramref name="provider"/> for <paramref name="model"/>; the caller checked <see cref="Serves"/>.</summary>
    public static IChatClient Create(ProviderConfig provider, EvalConfig config, string model, AdaptiveRateLimiter? limiter, TimeProvider? time) =>
        s_kinds[provider.Type](provider, config, model, limiter, time);
}
