using System.ClientModel;
using System.ClientModel.Primitives;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Judging;
using AgentOps.Evals.Providers.RateLimiting;
using AgentOps.Evals.Telemetry;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AgentOps.Evals.Providers;

/// <summary>Builds the decorated <see cref="IChatClient"/> for a candidate: provider, then recording or replay, timeout, retries and cost.
/// Built once per candidate and shared by its trials; each trial binds it to its <see cref="TrialContext"/> with <see cref="TrialBoundChatClient"/>.</summary>
public static class ChatClientFactory
{
    /// <summary>Builds the pipeline. With <paramref name="recordTo"/> set, live calls are written to it.</summary>
    public static IChatClient Create(EvalConfig config, ProviderConfig provider, string candidate, string model, CassetteFile? recordTo = null, TimeProvider? time = null)
    {
        var run = config.Run;
        if (provider.Type == "replay")
        {
            // type: replay is the replay mode over a provider with no live model behind it.
            var cassette = CassetteFile.Load(CassetteFile.PathFor(config.Resolve(provider.Cassettes ?? "fixtures/cassettes"), candidate));
            return new ChatClientBuilder(new OfflineChatClient()).UseCostMeter(config.Pricing).UseTelemetryWhenOn().UseReplay(cassette).Build();
        }
        if (!Native.ChatProviders.Serves(provider.Type))
            throw new InputException(new Problem(new SourceLocation(config.SourceFile), $"providers.{provider.Name}.type",
                $"provider type '{provider.Type}' cannot serve a chat candidate; expected {string.Join(", ", Native.ChatProviders.Kinds)} or replay"));

        // One limiter per provider: candidates and the judge on it share its pace. It sits inside the retries (every attempt
        // is paced) and outside the timeout (waiting for a slot is not the provider being slow). The run's trial
        // concurrency (run.concurrency or --concurrency) is the runner's; the provider caps only with max-concurrency.
        var limiter = RateLimiterRegistry.For(provider, time);
        var raw = Native.ChatProviders.Create(provider, config, model, limiter, time);
        var builder = new ChatClientBuilder(raw)
            .UseCostMeter(config.Pricing)
            .UseTelemetryWhenOn()
            .UseRetries(RetryPolicyFor(run), time);
        if (recordTo is not null) builder = builder.UseRecording(recordTo);
        return builder
            .UseRateLimiting(limiter)
            .UseTimeout(TimeSpan.FromSeconds(run.TimeoutSeconds))
            .UseProviderBoundary()
            .Build();
    }

    /// <summary>The name the judge's calls are recorded under: its cassette is <c>judge.jsonl</c> beside the candidates'.</summary>
    public const string JudgeCassette = "judge";

    /// <summary>The judge from <c>judge: {model, provider, prompts}</c>, through the same pipeline as a candidate
    /// (replay from judge.jsonl, or live with cost, retries and recording), or null when the config has no judge.
    /// <paramref name="gradedProvider"/>: the provider of the outputs being graded; when it replays cassettes, so does the
    /// judge (judge.jsonl beside them): an offline run stays offline and needs no judge key.</summary>
    public static IChatClient? CreateJudge(EvalConfig config, CassetteFile? recordTo = null, TimeProvider? time = null, string? gradedProvider = null)
    {
        if (config.Judge is not { } judge) return null;
        if (!config.Providers.TryGetValue(judge.Provider, out var provider))
            throw new InputException(config.SourceFile, "judge.provider", $"no provider '{judge.Provider}'; expected one of: {string.Join(", ", config.Providers.Keys.Order())}");
        var replayed = gradedProvider is not null && config.Providers.TryGetValue(gradedProvider, out var graded) && graded.Type == "replay";
        if (replayed && provider.Type != "replay" && config.Providers.Values.FirstOrDefault(p => p.Type == "replay") is { } replay)
            provider = replay;
        var prompts = JudgePrompts.From(config);
        return new JudgeChatClient(Create(config, provider, JudgeCassette, judge.Model, provider.Type == "replay" ? null : recordTo, time), judge.Model, prompts);
    }

    /// <summary>Adds Microsoft.Extensions.AI's OpenTelemetry client (gen_ai.* spans and metrics) when something listens to the harness's source.</summary>
    private static ChatClientBuilder UseTelemetryWhenOn(this ChatClientBuilder builder) =>
        EvalTelemetry.Source.HasListeners() ? builder.UseOpenTelemetry(sourceName: EvalTelemetry.SourceName) : builder;

    /// <summary>The run's retries: a count for failures, a time budget for 429s.</summary>
    internal static RetryPolicy RetryPolicyFor(RunOptions run) => new(run.Retries, Budget: TimeSpan.FromSeconds(run.RetryBudgetSeconds));

    /// <summary>The raw OpenAI-compatible client, with the SDK's own retries off (ours honour Retry-After and classify failures).</summary>
    internal static IChatClient CreateOpenAI(ProviderConfig provider, EvalConfig config, string model, AdaptiveRateLimiter? limiter = null, TimeProvider? time = null)
    {
        var (key, options) = OpenAIConnection(provider, config);
        if (limiter is not null) options.AddPolicy(new RateLimitHeaderPolicy(limiter, time ?? TimeProvider.System), PipelinePosition.PerTry);
        return new OpenAI.Chat.ChatClient(model, key, options).AsIChatClient();
    }

    /// <summary>The key and client options of an OpenAI-compatible provider (chat and embeddings share them).</summary>
    internal static (ApiKeyCredential Key, OpenAIClientOptions Options) OpenAIConnection(ProviderConfig provider, EvalConfig config)
    {
        if (string.IsNullOrWhiteSpace(provider.Endpoint))
            throw new InputException(config.SourceFile, $"providers.{provider.Name}.endpoint", "missing; expected the base URL of an OpenAI-compatible API, e.g. https://api.openai.com/v1");
        var key = "not-needed";
        if (provider.ApiKeyEnv is { } variable)
        {
            key = Environment.GetEnvironmentVariable(variable) ?? "";
            if (key.Length == 0)
                throw new InputException(config.SourceFile, $"providers.{provider.Name}.api-key-env",
                    $"environment variable {variable} is not set; set it to the API key for provider '{provider.Name}' (or run on cassettes with the replay provider)");
        }
        var endpoint = ExpandVariables(provider.Endpoint, config, provider);
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new InputException(config.SourceFile, $"providers.{provider.Name}.endpoint", $"'{endpoint}' is not an absolute URL; expected e.g. https://api.openai.com/v1");
        var options = new OpenAIClientOptions
        {
            Endpoint = uri,
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        return (new ApiKeyCredential(key), options);
    }

    /// <summary>Expands <c>${NAME}</c> in an endpoint from the environment, so a config can point at a per-machine endpoint.</summary>
    private static string ExpandVariables(string text, EvalConfig config, ProviderConfig provider) =>
        EnvironmentExpansion.Expand(text, config.SourceFile, $"providers.{provider.Name}.endpoint", $"names the endpoint of provider '{provider.Name}'");
}
