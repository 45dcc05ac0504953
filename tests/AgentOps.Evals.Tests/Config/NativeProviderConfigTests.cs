using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Tests.Cases;

namespace AgentOps.Evals.Tests.Config;

/// <summary>The native provider kinds in eval.config.yaml: what each reads, and what each refuses with file, line and field.</summary>
public sealed class NativeProviderConfigTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private EvalConfig Load(string yaml) => ConfigLoader.Load(_folder.Write("eval.config.yaml", yaml));

    private IReadOnlyList<Problem> Problems(string yaml) =>
        Assert.Throws<InputException>(() => Load(yaml)).Problems;

    [Fact]
    public void Reads_anthropic_ollama_and_azure_openai_providers()
    {
        var config = Load("""
            providers:
              claude: {type: anthropic, api-key-env: ANTHROPIC_API_KEY, rpm: 50}
              local:  {type: ollama}
              azure:  {type: azure-openai, endpoint: "https://my-resource.openai.azure.com", deployment: support-gpt4o, api-version: 2025-04-01-preview, api-key-env: AZURE_OPENAI_API_KEY}
              entra:  {type: azure-openai, endpoint: "https://my-resource.openai.azure.com"}
            candidates:
              a: {model: claude-sonnet-4-5, provider: claude}
              b: {model: llama3.2, provider: local}
              c: {model: gpt-4o, provider: azure}
            """);
        Assert.Equal("anthropic", config.Providers["claude"].Type);
        Assert.Equal("ANTHROPIC_API_KEY", config.Providers["claude"].ApiKeyEnv);
        Assert.Equal(50, config.Providers["claude"].Limits.Rpm);
        Assert.Equal("ollama", config.Providers["local"].Type);
        Assert.Null(config.Providers["local"].Endpoint);
        Assert.Equal("support-gpt4o", config.Providers["azure"].Deployment);
        Assert.Equal("2025-04-01-preview", config.Providers["azure"].ApiVersion);
        // No api-key-env: Entra ID through DefaultAzureCredential.
        Assert.Null(config.Providers["entra"].ApiKeyEnv);
    }

    [Fact]
    public void An_azure_provider_needs_its_resource_endpoint()
    {
        var problem = Assert.Single(Problems("providers:\n  azure: {type: azure-openai, deployment: d}\n"));
        Assert.Equal("providers.azure.endpoint", problem.Field);
        Assert.Equal(2, problem.Location.Line);
        Assert.Contains("openai.azure.com", problem.Message);
    }

    [Fact]
    public void An_anthropic_provider_needs_the_name_of_its_key_variable()
    {
        var problem = Assert.Single(Problems("providers:\n  claude: {type: anthropic}\n"));
        Assert.Equal("providers.claude.api-key-env", problem.Field);
        Assert.Contains("ANTHROPIC_API_KEY", problem.Message);
    }

    [Fact]
    public void Azure_only_fields_on_another_kind_are_refused()
    {
        var problem = Assert.Single(Problems("providers:\n  local: {type: ollama, deployment: d}\n"));
        Assert.Equal("providers.local.deployment", problem.Field);
        Assert.Contains("only on type azure-openai", problem.Message);
    }

    [Fact]
    public void A_key_written_into_a_native_provider_is_refused_without_echoing_it()
    {
        var problems = Problems("providers:\n  claude: {type: anthropic, api-key: sk-ant-secret-123, api-key-env: ANTHROPIC_API_KEY}\n");
        Assert.Contains(problems, p => p.Message.Contains("api-key-env", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Message.Contains("sk-ant-secret-123", StringComparison.Ordinal));
    }
}
