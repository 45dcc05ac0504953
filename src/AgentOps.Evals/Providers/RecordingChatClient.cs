using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers;

/// <summary>Records every successful call of the inner client into a cassette (<c>run --record</c>), keyed by the call's
/// <see cref="TrialContext"/>; a streamed call is recorded as the response its updates assemble into.</summary>
internal sealed class RecordingChatClient(IChatClient inner, CassetteFile cassette) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (trial, list, model, key) = Prepare(messages, options);
        var started = trial.Clock.GetTimestamp();
        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        Record(trial, key, model, list, response, trial.Clock.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (trial, list, model, key) = Prepare(messages, options);
        var started = trial.Clock.GetTimestamp();
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            yield return update;
        }
        Record(trial, key, model, list, updates.ToChatResponse(), trial.Clock.GetElapsedTime(started).TotalMilliseconds);
    }

    private static (TrialContext Trial, IList<ChatMessage> Messages, string Model, string Key) Prepare(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var trial = TrialContext.From(options)
            ?? throw new InvalidOperationException("a recorded call needs its trial: bind the client to one with TrialBoundChatClient");
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var model = options?.ModelId ?? "";
        // The key is computed before the call: the inner client may add to the message list.
        return (trial, list, model, trial.CassetteKeyFor(model, list, options));
    }

    private void Record(TrialContext trial, string key, string model, IList<ChatMessage> messages, ChatResponse response, double latencyMs)
    {
        var entry = CassetteConversions.ToEntry(key, trial, model, messages, response, latencyMs);
        cassette.Add(entry);
        // The trial reports the latency as stored, so a recorded run and its replay print the same figures.
        trial.Usage.AddRecordedLatency(entry.LatencyMs);
    }
}
