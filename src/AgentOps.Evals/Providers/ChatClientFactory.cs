using System.ClientModel;
using System.ClientModel.Primitives;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Judging;
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
        if (provider.Type != "openai")
            throw new InputException(new Problem(new SourceLocation(config.SourceFile), $"providers.{provider.Name}.type", $"provider type '{provider.Type}' cannot serve a chat candidate; expected openai or replay"));

        var raw = CreateOpenAI(provider, config, model);
        var builder = new ChatClientBuilder(raw)
            .UseCostMeter(config.Pricing)
            .UseTelemetryWhenOn()
            .UseRetries(new RetryPolicy(run.Retries), time);
        if (recordTo is not null) builder = builder.UseRecording(recordTo);
        return builder
            .UseTimeout(TimeSpan.FromSeconds(run.TimeoutSeconds))
            .UseConcurrencyLimit(run.Concurrency)
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

    /// <summary>The raw OpenAI-compatible client, with the SDK's own retries off (ours honour Retry-After and classify failures).</summary>
    internal static IChatClient CreateOpenAI(ProviderConfig provider, EvalConfig config, string model)
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
        return new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(key), options).AsIChatClient();
    }

    /// <summary>Expands <c>${NAME}</c> in an endpoint from the environment, so a config can point at a per-machine endpoint.</summary>
    private static string ExpandVariables(string text, EvalConfig config, ProviderConfig provider) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\$\{([A-Za-z_][A-Za-z0-9_]*)\}", m =>
            Environment.GetEnvironmentVariable(m.Groups[1].Value) is { Length: > 0 } value
                ? value
                : throw new InputException(config.SourceFile, $"providers.{provider.Name}.endpoint",
                    $"environment variable {m.Groups[1].Value} is not set; it names the endpoint of provider '{provider.Name}'"));
}
