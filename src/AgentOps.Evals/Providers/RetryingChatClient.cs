using Microsoft.Extensions.AI;
using AgentOps.Evals.Targets;

namespace AgentOps.Evals.Providers;

/// <summary>Retries 429, 5xx, timeouts, unreachable endpoints and malformed replies with backoff, honouring Retry-After; never other 4xx.
/// When retries (or, for 429s, the time budget) run out the call fails as a classified <see cref="InfrastructureException"/>.</summary>
public sealed class RetryingChatClient(IChatClient inner, RetryPolicy policy, TimeProvider? time = null) : DelegatingChatClient(inner)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        return RetryLoop.RunAsync(ct => base.GetResponseAsync(list, options, ct), policy, _time, cancellationToken);
    }
}
