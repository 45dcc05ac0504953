using Microsoft.Extensions.AI;
using AgentOps.Evals.Targets;

namespace AgentOps.Evals.Providers;

/// <summary>Retries 429, 5xx, timeouts and malformed replies with backoff, honouring Retry-After; never other 4xx.
/// When retries run out the call fails as a classified <see cref="InfrastructureException"/>.</summary>
internal sealed class RetryingChatClient(IChatClient inner, RetryPolicy policy, TimeProvider? time = null) : DelegatingChatClient(inner)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        // The shared loop (also the HTTP target's): 429s waited out within the time budget, retry-after honoured in full.
        return RetryLoop.RunAsync(ct => base.GetResponseAsync(list, options, ct), policy, _time, cancellationToken);
    }

    /// <summary>Retries like <see cref="GetResponseAsync"/> while nothing has been yielded; once the first update is out, a
    /// failure ends the stream (a retry would repeat text the caller already has).</summary>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        // The first update goes through the one retry loop (same time budget and retry-after rule as plain calls).
        var (stream, any) = await RetryLoop.RunAsync(async ct =>
        {
            var attempt = base.GetStreamingResponseAsync(list, options, ct).GetAsyncEnumerator(ct);
            try
            {
                return (attempt, await attempt.MoveNextAsync().ConfigureAwait(false));
            }
            catch
            {
                await attempt.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }, policy, _time, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            while (any)
            {
                yield return stream.Current;
                try
                {
                    any = await stream.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && TransientFailure.Classify(e) is { } failure)
                {
                    throw new InfrastructureException(failure.Kind, $"{failure.Kind} in the middle of a stream, not retried: {FirstLine(e.Message)}", e);
                }
            }
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
