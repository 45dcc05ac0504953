using System.Globalization;
using AgentOps.Evals.Config;
using AgentOps.Evals.Providers.RateLimiting;
using Anthropic;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers.Native;

/// <summary><c>type: anthropic</c>: the Messages API through the official Anthropic SDK's <see cref="IChatClient"/>.
/// The SDK's retries are off (ours honour retry-after) and its HTTP goes through <see cref="ProviderHttpHandler"/>.</summary>
internal static class AnthropicProvider
{
    /// <summary>The public API; a provider's <c>endpoint</c> overrides it (a gateway, or a local fake in tests).</summary>
    public const string DefaultEndpoint = "https://api.anthropic.com";

    /// <summary>The Messages API requires max_tokens; used when the candidate's settings name no max-output-tokens.</summary>
    public const int DefaultMaxOutputTokens = 4096;

    public static IChatClient Create(ProviderConfig provider, EvalConfig config, string model, AdaptiveRateLimiter? limiter, TimeProvider? time)
    {
        var key = ProviderKey.From(provider, config) ?? "";
        var endpoint = ProviderKey.Endpoint(provider, config, DefaultEndpoint, "the Anthropic API base URL, e.g. https://api.anthropic.com");
        var client = new AnthropicClient
        {
            ApiKey = key,
            BaseUrl = endpoint.ToString().TrimEnd('/'),
            MaxRetries = 0,
            Timeout = Timeout.InfiniteTimeSpan,
            HttpClient = ProviderHttpHandler.Client(provider.Name, limiter, time, ReadHeaders),
        };
        return new SamplingSettingsChatClient(client.AsIChatClient(model, DefaultMaxOutputTokens), model);
    }

    /// <summary>Carries top-p to the Messages API: the SDK's <see cref="IChatClient"/> sends temperature from
    /// <see cref="ChatOptions"/> but not top-p (deprecated for newer Claude models, still accepted by older ones), so a
    /// candidate's top-p goes through the SDK's raw request parameters instead of being dropped.</summary>
    private sealed class SamplingSettingsChatClient(IChatClient inner, string model) : DelegatingChatClient(inner)
    {
        public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            base.GetResponseAsync(messages, WithSampling(options), cancellationToken);

        public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            base.GetStreamingResponseAsync(messages, WithSampling(options), cancellationToken);

        private ChatOptions? WithSampling(ChatOptions? options)
        {
            if (options?.TopP is not { } topP || options.RawRepresentationFactory is not null) return options;
            var copy = options.Clone();
            var maxTokens = options.MaxOutputTokens ?? DefaultMaxOutputTokens;
            var temperature = options.Temperature;
#pragma warning disable CS0618 // top_p is deprecated by Anthropic for new models; a candidate that sets it means it.
            copy.RawRepresentationFactory = _ => new Anthropic.Models.Messages.MessageCreateParams
            {
                MaxTokens = maxTokens,
                Messages = [],
                Model = options.ModelId ?? model,
                TopP = topP,
                Temperature = temperature,
            };
#pragma warning restore CS0618
            return copy;
        }
    }

    /// <summary>Anthropic's <c>anthropic-ratelimit-{requests,tokens}-{limit,remaining,reset}</c> (reset is an RFC 3339 time) and retry-after.</summary>
    internal static RateLimitHeaders ReadHeaders(Func<string, string?> header, DateTimeOffset now) => new(
        Number(header("anthropic-ratelimit-requests-limit")), Number(header("anthropic-ratelimit-requests-remaining")), Reset(header("anthropic-ratelimit-requests-reset"), now),
        Number(header("anthropic-ratelimit-tokens-limit")), Number(header("anthropic-ratelimit-tokens-remaining")), Reset(header("anthropic-ratelimit-tokens-reset"), now),
        RateLimitHeaders.RetryAfterOf(header, now));

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

    private static TimeSpan? Reset(string? text, DateTimeOffset now) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? (at > now ? at - now : TimeSpan.Zero) : null;
}
