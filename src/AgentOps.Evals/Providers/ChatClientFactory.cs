using System.ClientModel;
using System.ClientModel.Primitives;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AgentOps.Evals.Providers;

/// <summary>Builds the decorated <see cref="IChatClient"/> for a candidate: provider, then recording, timeout, retries and cost.</summary>
public static class ChatClientFactory
{
    /// <summary>Builds the pipeline. With <paramref name="record"/> set, live calls are written to <paramref name="recordTo"/>.</summary>
    public static IChatClient Create(EvalConfig config, ProviderConfig provider, string candidate, CassetteFile? recordTo = null, TimeProvider? time = null)
    {
        var run = config.Run;
        if (provider.Type == "replay")
        {
            var cassette = CassetteFile.Load(CassetteFile.PathFor(config.Resolve(provider.Cassettes ?? "fixtures/cassettes"), candidate));
            return new ChatClientBuilder(new ReplayChatClient(cassette, candidate)).UseCostMeter(config.Pricing).Build();
        }
        if (provider.Type != "openai")
            throw new InputException(new Problem(new SourceLocation(config.Resolve("eval.config.yaml")), $"providers.{provider.Name}.type", $"provider type '{provider.Type}' cannot serve a chat candidate; expected openai or replay"));

        var raw = CreateOpenAI(provider, config);
        var builder = new ChatClientBuilder(raw)
            .UseCostMeter(config.Pricing)
            .UseRetries(new RetryPolicy(run.Retries), time);
        if (recordTo is not null) builder = builder.UseRecording(recordTo, candidate);
        return builder
            .UseTimeout(TimeSpan.FromSeconds(run.TimeoutSeconds))
            .UseConcurrencyLimit(run.Concurrency)
            .Build();
    }

    /// <summary>The raw OpenAI-compatible client, with the SDK's own retries off (ours honour Retry-After and classify failures).</summary>
    internal static IChatClient CreateOpenAI(ProviderConfig provider, EvalConfig config)
    {
        if (string.IsNullOrWhiteSpace(provider.Endpoint))
            throw new InputException(config.Resolve("eval.config.yaml"), $"providers.{provider.Name}.endpoint", "missing; expected the base URL of an OpenAI-compatible API, e.g. https://api.openai.com/v1");
        var key = "not-needed";
        if (provider.ApiKeyEnv is { } variable)
        {
            key = Environment.GetEnvironmentVariable(variable) ?? "";
            if (key.Length == 0)
                throw new InputException(config.Resolve("eval.config.yaml"), $"providers.{provider.Name}.api-key-env",
                    $"environment variable {variable} is not set; set it to the API key for provider '{provider.Name}' (or run on cassettes with the replay provider)");
        }
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(provider.Endpoint),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        // The model id is per call (ChatOptions.ModelId); the client's default is only a placeholder.
        return new OpenAI.Chat.ChatClient("default", new ApiKeyCredential(key), options).AsIChatClient();
    }
}
