using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Targets;

/// <summary>Binds an in-process agent's model calls to its trial and records each call as a turn (tokens, cost, latency,
/// finish reason). Sits between the agent and the candidate's pipeline, so the agent's own middleware (function
/// invocation) stays above it and every model round trip is seen.</summary>
internal sealed class TurnCaptureChatClient(IChatClient pipeline, TrajectoryRecorder recorder)
    : DelegatingChatClient(new Providers.TrialBoundChatClient(pipeline, recorder.Trial))
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        recorder.BeforeCall();
        var trial = recorder.Trial;
        var before = trial.Usage.Read();
        var started = trial.Clock.GetTimestamp();
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var elapsed = trial.Clock.GetElapsedTime(started).TotalMilliseconds;
        recorder.AddTurn(response.ModelId ?? options?.ModelId ?? "", response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0,
            trial.Usage.Read() - before, elapsed, response.FinishReason?.Value);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Streaming is collected into one response so the turn is recorded once, with its usage.
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
            yield return update;
    }
}
