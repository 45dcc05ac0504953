using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers;

/// <summary>Gives each call its own time limit; a call over it fails with <see cref="TimeoutException"/> (retried as transient).</summary>
public sealed class TimeoutChatClient(IChatClient inner, TimeSpan timeout) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await base.GetResponseAsync(messages, options, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no reply within {timeout.TotalSeconds:0.###} s");
        }
    }
}
