using AgentOps.Evals.Providers;

namespace AgentOps.Evals.Targets;

/// <summary>An http target played back from the cassette <c>run --record</c> wrote: a PR check of a team's own agent runs
/// offline, exactly, like the chat path's <c>replay</c> provider.</summary>
public sealed class HttpReplayTarget(CassetteFile cassette, string candidate) : ITarget
{
    /// <inheritdoc/>
    public Task<TargetResponse> RespondAsync(TrialRequest request, CancellationToken cancellationToken)
    {
        var key = HttpTargetRequest.Key(HttpTargetRequest.Body(request));
        if (!cassette.TryGet(key, out var entry) || entry.Text is null)
            throw new InfrastructureException("missing-recording",
                $"no recording for case '{request.Case.Id}', candidate '{candidate}', trial {request.TrialIndex}, key {key} in {cassette.Path}. " +
                $"Record it with: agentops-evals run --candidate {candidate} --filter id:{request.Case.Id} -k <your k> --record --provider <the http provider>");
        return Task.FromResult(HttpTargetReply.Parse(entry.Text, request, entry.LatencyMs));
    }
}
