using Microsoft.Extensions.AI;
using AgentOps.Evals.Targets;

namespace AgentOps.Evals.Providers;

/// <summary>Replay as a run mode over any provider: serves each call's recorded response from the cassette, offline and
/// exact, and never calls the inner client; a call with no recording is a <c>missing-recording</c> infrastructure error.</summary>
internal sealed class ReplayingChatClient(IChatClient inner, CassetteFile cassette) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Replay(messages, options));
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var update in Replay(messages, options).ToChatResponseUpdates())
            yield return update;
    }

    private ChatResponse Replay(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var trial = TrialContext.From(options)
            ?? throw new InvalidOperationException("a replayed call needs its trial: bind the client to one with TrialBoundChatClient");
        var key = trial.CassetteKeyFor(options?.ModelId ?? "", messages as IList<ChatMessage> ?? messages.ToList(), options);
        if (!cassette.TryGet(key, out var entry))
            throw new InfrastructureException("missing-recording",
                $"no recording for case '{trial.Case.Id}', candidate '{trial.Cassette}', trial {trial.TrialIndex}, key {key} in {cassette.Path}. " +
                $"Record it with: agentops-evals run --candidate {trial.Cassette} --filter id:{trial.Case.Id} -k <your k> --record --provider <live provider>");
        trial.Usage.AddRecordedLatency(entry.LatencyMs);
        return CassetteConversions.ToResponse(entry);
    }
}
