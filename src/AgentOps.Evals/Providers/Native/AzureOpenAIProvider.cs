using System.ClientModel;
using System.ClientModel.Primitives;
using AgentOps.Evals.Config;
using AgentOps.Evals.Providers.RateLimiting;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AgentOps.Evals.Providers.Native;

/// <summary><c>type: azure-openai</c>: an Azure OpenAI deployment (<c>{endpoint}/openai/deployments/{deployment}/chat/completions?api-version=…</c>)
/// through the OpenAI SDK's own pipeline, so errors, rate-limit headers and retries classify exactly as for <c>type: openai</c>.
/// Auth: the <c>api-key</c> header from <c>api-key-env</c>, else Entra ID through Azure.Identity's <see cref="DefaultAzureCredential"/>.
/// (Azure.AI.OpenAI is not used: its served GA build targets OpenAI 2.1 while Microsoft.Extensions.AI.OpenAI 11 needs 2.14,
/// and it accepts only the api-versions it was built with.)</summary>
internal static class AzureOpenAIProvider
{
    /// <summary>The Entra ID scope of Azure OpenAI (Cognitive Services).</summary>
    public const string EntraScope = "https://cognitiveservices.azure.com/.default";

    public static IChatClient Create(ProviderConfig provider, EvalConfig config, string model, AdaptiveRateLimiter? limiter, TimeProvider? time)
    {
        var resource = ProviderKey.Endpoint(provider, config, null, "the Azure OpenAI resource URL, e.g. https://my-resource.openai.azure.com");
        var deployment = provider.Deployment ?? model;
        var options = new OpenAIClientOptions
        {
            Endpoint = DeploymentUri(resource, deployment),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        options.AddPolicy(new ApiVersionPolicy(provider.ApiVersion ?? ProviderConfig.DefaultAzureApiVersion), PipelinePosition.PerCall);
        if (limiter is not null) options.AddPolicy(new RateLimitHeaderPolicy(limiter, time ?? TimeProvider.System), PipelinePosition.PerTry);
        AuthenticationPolicy auth = ProviderKey.From(provider, config) is { } key
            ? ApiKeyAuthenticationPolicy.CreateHeaderApiKeyPolicy(new ApiKeyCredential(key), "api-key")
            : new BearerTokenPolicy(new DefaultAzureCredential(), EntraScope);
        // OPENAI001: the constructor taking an auth policy is marked for evaluation; it is the SDK's only way to send Azure's
        // api-key header or an Entra token instead of an OpenAI bearer key.
#pragma warning disable OPENAI001
        return new OpenAI.Chat.ChatClient(model, auth, options).AsIChatClient();
#pragma warning restore OPENAI001
    }

    /// <summary><c>https://r.openai.azure.com</c> + <c>gpt-4o</c> → <c>https://r.openai.azure.com/openai/deployments/gpt-4o/</c> (an endpoint that already holds the deployments path is kept).</summary>
    internal static Uri DeploymentUri(Uri resource, string deployment)
    {
        var text = resource.ToString().TrimEnd('/');
        if (text.Contains("/openai/deployments/", StringComparison.OrdinalIgnoreCase)) return new Uri(text + "/");
        if (text.EndsWith("/openai", StringComparison.OrdinalIgnoreCase)) text = text[..^"/openai".Length];
        return new Uri($"{text}/openai/deployments/{Uri.EscapeDataString(deployment)}/");
    }

    /// <summary>Sets the <c>api-version</c> query parameter Azure requires on every call.</summary>
    private sealed class ApiVersionPolicy(string version) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Stamp(message);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            Stamp(message);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }

        private void Stamp(PipelineMessage message)
        {
            if (message.Request.Uri is not { } uri) return;
            var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
            query["api-version"] = version;
            message.Request.Uri = new UriBuilder(uri) { Query = query.ToString() }.Uri;
        }
    }
}
