using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers.RateLimiting;

/// <summary>Takes a lease from the provider's <see cref="AdaptiveRateLimiter"/> before every call and tells it how the call
/// went: tokens used on success, the retry-after of a 429. Sits inside the retries, so every attempt is paced.</summary>
internal sealed class RateLimitingChatClient(IChatClient inner, AdaptiveRateLimiter limiter) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var lease = await limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (TransientFailure.Classify(e) is { Kind: "rate-limited" } failure)
        {
            limiter.OnRejected(failure.RetryAfter);
            throw;
        }
        limiter.OnSuccess(response.Usage?.TotalTokenCount ?? 0);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var lease = await limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        long tokens = 0;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var usage in update.Contents.OfType<UsageContent>()) tokens += usage.Details.TotalTokenCount ?? 0;
            yield return update;
        }
        limiter.OnSuccess(tokens);
    }
}
