using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Providers.RateLimiting;

namespace AgentOps.Evals.Targets;

/// <summary>Builds the http target of a candidate from config: live (retries, time limit, the provider's rate limiter,
/// recording with <c>--record</c>) or, on a <c>replay</c> provider, played back from its cassette.</summary>
internal static class HttpTargetFactory
{
    /// <summary>True when the candidate talks to a team's agent endpoint: <c>target: http</c>, or its provider (configured or given) is http.</summary>
    public static bool IsHttp(EvalConfig config, CandidateConfig candidate, ProviderConfig provider) =>
        candidate.Target == "http" || provider.Type == "http"
        || config.Providers.TryGetValue(candidate.Provider, out var configured) && configured.Type == "http";

    public static ITarget Create(EvalConfig config, ProviderConfig provider, string candidate, CassetteFile? recording, TimeProvider? time, HttpClient? http)
    {
        if (provider.Type == "replay")
            return new HttpReplayTarget(CassetteFile.Load(CassetteFile.PathFor(config.Resolve(provider.Cassettes ?? "fixtures/cassettes"), candidate)), candidate);
        var endpoint = HttpTargetEndpoint.From(provider, config.SourceFile);
        var options = new HttpTargetOptions(ChatClientFactory.RetryPolicyFor(config.Run), TimeSpan.FromSeconds(config.Run.TimeoutSeconds),
            RateLimiterRegistry.For(provider, time), recording, time);
        // HttpClient's own timeout would surface as a cancellation that looks like Ctrl-C; each attempt has its own limit instead.
        return new HttpTarget(http ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, endpoint, options);
    }

    /// <summary>Bad input when <paramref name="provider"/> cannot serve an http candidate.</summary>
    public static void Check(EvalConfig config, ProviderConfig provider, string providerField)
    {
        if (provider.Type is not ("http" or "replay"))
            throw new InputException(config.SourceFile, providerField, $"provider '{provider.Name}' is type {provider.Type}; an http target needs an http provider (or replay to play back its recordings)");
    }
}
