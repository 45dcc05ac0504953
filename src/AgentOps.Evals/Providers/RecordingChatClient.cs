using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers;

/// <summary>Records every successful call of the inner client into a cassette (<c>run --record</c>).</summary>
public sealed class RecordingChatClient(IChatClient inner, CassetteFile cassette, string candidate) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        // The key is computed before the call: the inner client may add to the message list.
        var scope = TrialScope.Current ?? new TrialScope("?", 0, candidate);
        var model = options?.ModelId ?? "";
        var key = CassetteKey.Compute(model, list, options, scope.TrialIndex);
        var started = Stopwatch.GetTimestamp();
        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        cassette.Add(CassetteConversions.ToEntry(key, scope, model, list, response, latency));
        ResponseProperties.Set(response, ResponseProperties.RecordedLatencyMs, latency);
        return response;
    }
}
