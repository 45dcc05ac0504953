using AgentOps.Evals.Config;
using AgentOps.Evals.Providers.RateLimiting;
using Microsoft.Extensions.AI;
using OllamaSharp;

namespace AgentOps.Evals.Providers.Native;

/// <summary><c>type: ollama</c>: Ollama's native <c>/api/chat</c> through OllamaSharp's <see cref="IChatClient"/>
/// (settings such as seed and num_predict reach the model as Ollama options).</summary>
internal static class OllamaProvider
{
    /// <summary>Where a local Ollama listens by default.</summary>
    public const string DefaultEndpoint = "http://127.0.0.1:11434";

    public static IChatClient Create(ProviderConfig provider, EvalConfig config, string model, AdaptiveRateLimiter? limiter, TimeProvider? time)
    {
        var endpoint = ProviderKey.Endpoint(provider, config, DefaultEndpoint, "the Ollama server URL, e.g. http://127.0.0.1:11434");
        var http = ProviderHttpHandler.Client(provider.Name, limiter, time, RateLimitHeaders.Read, endpoint);
        // An Ollama behind a proxy may want a bearer key; a local one wants none.
        if (ProviderKey.From(provider, config) is { } key)
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return new OllamaApiClient(http, model);
    }
}
