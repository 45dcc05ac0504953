using AgentOps.Evals.Config;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.Providers.Native;

/// <summary>One real call per native provider, when its environment is set; otherwise skipped with the variables to set.
/// Never run in CI without them: tests reach nothing beyond 127.0.0.1 unless a person opts in.</summary>
public sealed class NativeProviderLiveTests
{
    private static async Task AssertAnswersAsync(ProviderConfig provider, string model)
    {
        var config = new EvalConfig { Providers = new Dictionary<string, ProviderConfig> { [provider.Name] = provider }, Run = new RunOptions { Retries = 2 } };
        var client = new TrialBoundChatClient(ChatClientFactory.Create(config, provider, "live", model), Trials.Context());
        var options = new ChatOptions { ModelId = model };
        new ModelSettings(Temperature: 0, MaxOutputTokens: 20).ApplyTo(options);
        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Reply with the single word: ready")], options);
        Assert.Contains("ready", response.Text, StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Usage?.OutputTokenCount > 0);
    }

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    [SkippableFact]
    public async Task Anthropic_answers_live()
    {
        Skip.If(Env("ANTHROPIC_API_KEY") is null || Env("AGENTOPS_LIVE_ANTHROPIC_MODEL") is null,
            "set ANTHROPIC_API_KEY and AGENTOPS_LIVE_ANTHROPIC_MODEL (e.g. claude-3-5-haiku-latest) to call Anthropic for real");
        await AssertAnswersAsync(new ProviderConfig("anthropic-live", "anthropic", ApiKeyEnv: "ANTHROPIC_API_KEY"), Env("AGENTOPS_LIVE_ANTHROPIC_MODEL")!);
    }

    [SkippableFact]
    public async Task Ollama_answers_live()
    {
        Skip.If(Env("AGENTOPS_LIVE_OLLAMA_MODEL") is null,
            "set AGENTOPS_LIVE_OLLAMA_MODEL (e.g. llama3.2) and optionally OLLAMA_BASE_URL to call a running Ollama");
        await AssertAnswersAsync(new ProviderConfig("ollama-live", "ollama", Env("OLLAMA_BASE_URL")), Env("AGENTOPS_LIVE_OLLAMA_MODEL")!);
    }

    [SkippableFact]
    public async Task Azure_openai_answers_live()
    {
        Skip.If(Env("AZURE_OPENAI_ENDPOINT") is null || Env("AZURE_OPENAI_DEPLOYMENT") is null,
            "set AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT (and AZURE_OPENAI_API_KEY, else Entra ID via DefaultAzureCredential) to call Azure OpenAI");
        var provider = new ProviderConfig("azure-live", "azure-openai", Env("AZURE_OPENAI_ENDPOINT"), Env("AZURE_OPENAI_API_KEY") is null ? null : "AZURE_OPENAI_API_KEY")
        {
            Deployment = Env("AZURE_OPENAI_DEPLOYMENT"),
        };
        await AssertAnswersAsync(provider, Env("AZURE_OPENAI_DEPLOYMENT")!);
    }
}
