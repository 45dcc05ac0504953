using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers;

/// <summary>Gives each call its own time limit (a streamed call: until its last update); a call over it fails with
/// <see cref="TimeoutException"/> (retried as transient).</summary>
internal sealed class TimeoutChatClient(IChatClient inner, TimeSpan timeout) : DelegatingChatClient(inner)
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
            throw TimedOut();
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        await using var stream = base.GetStreamingResponseAsync(messages, options, limit.Token).GetAsyncEnumerator(limit.Token);
        while (true)
        {
            // C# cannot yield inside a try with a catch: the catch wraps only the wait for the next update.
            bool more;
            try
            {
                more = await stream.MoveNextAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw TimedOut();
            }
            if (!more) yield break;
            yield return stream.Current;
        }
    }

    private TimeoutException TimedOut() => new($"no reply within {timeout.TotalSeconds:0.###} s");
}
