using AgentOps.Evals.Config;
using AgentOps.Evals.Importing;
using AgentOps.Evals.Tests.Cases;
using AgentOps.Evals.Tests.Evaluation;

namespace AgentOps.Evals.Tests.Importing;

/// <summary>Import onto native provider kinds, Nunjucks blocks rendered or refused with a note, and test-level transforms kept as scripts.</summary>
public sealed class PromptfooImportNativeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private PromptfooImport Import(string yaml) => PromptfooImporter.Import(_folder.Write("promptfooconfig.yaml", yaml));

    [Fact]
    public void Anthropic_ollama_and_azure_ids_become_native_candidates_whose_written_config_loads()
    {
        var import = Import("""
            prompts: ["Answer: {{question}}"]
            providers:
              - anthropic:messages:claude-sonnet-4-5
              - id: ollama:chat:llama3.2
                config: {apiBaseUrl: "http://127.0.0.1:11434"}
              - id: azureopenai:chat:support-gpt4o
                config: {apiHost: my-resource.openai.azure.com, apiVersion: 2025-04-01-preview}
            tests:
              - vars: {question: "Where is my order?"}
                assert: [{type: contains, value: order}]
            """);

        var byType = import.Candidates.ToDictionary(c => c.ProviderType);
        Assert.Equal(["anthropic", "azure-openai", "ollama"], byType.Keys.Order());
        Assert.All(import.Candidates, c => Assert.True(c.Native));
        Assert.Equal("claude-sonnet-4-5", byType["anthropic"].Model);
        Assert.Equal("ANTHROPIC_API_KEY", byType["anthropic"].ApiKeyEnv);
        Assert.Equal("support-gpt4o", byType["azure-openai"].Deployment);

        // The written config is one `run` away: it loads with every provider kind, deployment and api-version intact.
        var written = _folder.Write("eval.imported.yaml", CandidatesYaml.Write(import, "golden-set"));
        var config = ConfigLoader.Load(written);
        var azure = config.Providers[config.Candidates.Values.Single(c => c.Model == "support-gpt4o").Provider];
        Assert.Equal("azure-openai", azure.Type);
        Assert.Equal("https://my-resource.openai.azure.com", azure.Endpoint);
        Assert.Equal("2025-04-01-preview", azure.ApiVersion);
        Assert.Equal("ollama", config.Providers[config.Candidates.Values.Single(c => c.Model == "llama3.2").Provider].Type);
        Assert.Equal("anthropic", config.Providers[config.Candidates.Values.Single(c => c.Model == "claude-sonnet-4-5").Provider].Type);
    }

    [Fact]
    public void If_and_for_blocks_render_with_the_tests_vars()
    {
        var import = Import("""
            prompts:
              - "{% if tier == 'gold' %}Priority customer. {% elif tier %}Customer ({{ tier }}). {% else %}Guest. {% endif %}Items:{% for item in order.items %} {{ loop.index }}={{ item | upper }}{% if not loop.last %},{% endif %}{% endfor %}"
            providers: [openai:gpt-4.1-mini]
            tests:
              - vars: {tier: gold, order: {items: [book, lamp]}}
              - vars: {tier: silver, order: {items: []}}
              - vars: {order: {items: [pen]}}
            """);

        var messages = import.Cases.Select(c => c.Input.Messages.Single().Content).ToList();
        Assert.Equal("Priority customer. Items: 1=BOOK, 2=LAMP", messages[0]);
        Assert.Equal("Customer (silver). Items:", messages[1]);
        Assert.Equal("Guest. Items: 1=PEN", messages[2]);
        Assert.DoesNotContain(import.Notes, n => n.Message.Contains("not rendered", StringComparison.Ordinal));
    }

    [Fact]
    public void A_block_the_renderer_does_not_know_is_left_as_written_and_named_in_a_note()
    {
        var import = Import("""
            prompts: ["{% set greeting = 'Hi' %}{{ greeting }} {{ name }}"]
            providers: [openai:gpt-4.1-mini]
            tests:
              - vars: {name: Ada}
            """);

        Assert.Equal("{% set greeting = 'Hi' %}{{ greeting }} {{ name }}", import.Cases[0].Input.Messages.Single().Content);
        Assert.Contains(import.Notes, n => n.Message.Contains("{% set %}", StringComparison.Ordinal) && n.Message.Contains("not rendered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_test_level_transform_is_kept_as_scripts_that_check_the_transformed_output()
    {
        var import = Import("""
            prompts: ["{{question}}"]
            providers: [openai:gpt-4.1-mini]
            tests:
              - vars: {question: "Status?"}
                options: {transform: "JSON.parse(output).status"}
                assert:
                  - {type: equals, value: delivered}
                  - {type: icontains-any, value: [DELIV, shipped]}
                  - {type: latency, threshold: 5000}
            """);

        var expect = import.Cases[0].Expect;
        Assert.Equal(["javascript", "javascript", "max-latency-ms"], expect.Select(e => e.Type));
        Assert.True((await Check.Evaluate("javascript", expect[0].Args.ToJsonString(), Trial.Answer("""{"status": "delivered"}"""))).Passed);
        Assert.False((await Check.Evaluate("javascript", expect[0].Args.ToJsonString(), Trial.Answer("""{"status": "lost"}"""))).Passed);
        Assert.True((await Check.Evaluate("javascript", expect[1].Args.ToJsonString(), Trial.Answer("""{"status": "delivered"}"""))).Passed);
        Assert.Contains(import.Notes, n => n.Type == "transform" && n.Message.Contains("kept", StringComparison.Ordinal));
        // latency has no script form: it keeps checking the call, and says so.
        Assert.Contains(import.Notes, n => n.Type == "max-latency-ms" && n.Message.Contains("transform not applied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_assertion_level_transform_on_a_text_assertion_is_kept_too()
    {
        var import = Import("""
            prompts: ["{{question}}"]
            providers: [openai:gpt-4.1-mini]
            tests:
              - vars: {question: "Count?"}
                assert:
                  - {type: contains, value: "3", transform: "output.split(',').length"}
            """);

        var spec = Assert.Single(import.Cases[0].Expect);
        Assert.Equal("javascript", spec.Type);
        Assert.True((await Check.Evaluate("javascript", spec.Args.ToJsonString(), Trial.Answer("a,b,c"))).Passed);
        Assert.False((await Check.Evaluate("javascript", spec.Args.ToJsonString(), Trial.Answer("a,b"))).Passed);
    }
}
