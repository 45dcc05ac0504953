using Microsoft.Extensions.AI;
using AgentOps.Evals.Targets;

namespace AgentOps.Evals.Providers;

/// <summary>The <c>replay</c> provider: serves recorded responses from a cassette, offline and exact.</summary>
public sealed class ReplayChatClient(CassetteFile cassette, string candidate) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var scope = TrialScope.Current ?? new TrialScope("?", 0, candidate);
        var model = options?.ModelId ?? "";
        var key = CassetteKey.Compute(model, list, options, scope.TrialIndex);
        if (cassette.TryGet(key, out var entry))
            return Task.FromResult(CassetteConversions.ToResponse(entry));
        throw new InfrastructureException("missing-recording",
            $"no recording for case '{scope.CaseId}', candidate '{candidate}', trial {scope.TrialIndex}, key {key} in {cassette.Path}. " +
            $"Record it with: agentops-evals run --candidate {candidate} --filter id:{scope.CaseId} -k <your k> --record --provider <live provider>");
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }
}
