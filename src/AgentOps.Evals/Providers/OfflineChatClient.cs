using Microsoft.Extensions.AI;
using AgentOps.Evals.Targets;

namespace AgentOps.Evals.Providers;

/// <summary>The provider behind <c>type: replay</c>: no model at all. Replay answers every call before it gets here, so a
/// call that does arrive is a bug in the pipeline, reported as such rather than sent anywhere.</summary>
internal sealed class OfflineChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw Offline();

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw Offline();

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }

    private static InfrastructureException Offline() => new("offline", "the replay provider has no live model; only recorded calls can be served");
}
