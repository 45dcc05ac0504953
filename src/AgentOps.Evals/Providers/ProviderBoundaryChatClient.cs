using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers;

/// <summary>The innermost step before a provider: removes the harness's <see cref="TrialContext"/> from the options, since
/// some providers send every additional property to the API as a request field.</summary>
internal sealed class ProviderBoundaryChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, WithoutTrial(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, WithoutTrial(options), cancellationToken);

    internal static ChatOptions? WithoutTrial(ChatOptions? options)
    {
        if (options?.AdditionalProperties?.ContainsKey(TrialContext.OptionsKey) != true) return options;
        var clean = options.Clone();
        clean.AdditionalProperties!.Remove(TrialContext.OptionsKey);
        if (clean.AdditionalProperties.Count == 0) clean.AdditionalProperties = null;
        return clean;
    }
}
