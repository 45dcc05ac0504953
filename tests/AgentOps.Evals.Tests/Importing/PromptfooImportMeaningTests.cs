using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Importing;
using AgentOps.Evals.Tests.Cases;

namespace AgentOps.Evals.Tests.Importing;

/// <summary>Issue 18.5: the import keeps what a promptfoo config means — prompts as candidates, providers of every kind, templates,
/// expansions, files, and a note for everything it cannot carry — on small configs written for each rule.</summary>
public sealed class PromptfooImportMeaningTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private PromptfooImport Import(string yaml, params (string Path, string Text)[] files)
    {
        foreach (var (path, text) in files) _folder.Write(path, text);
        return PromptfooImporter.Import(_folder.Write("promptfooconfig.yaml", yaml));
    }

    [Fact]
    public void Two_prompts_and_one_model_are_two_candidates_over_one_case_per_test()
    {
        var import = PromptfooImporter.Import(Path.Combine(Path.GetDirectoryName(PromptfooImporterTests.Fixture)!, "corpus", "two-prompts", "promptfooconfig.yaml"));
        Assert.Equal(6, import.Cases.Count);
        Assert.Equal(2, import.Candidates.Count);
        Assert.Equal(["Convert this English to {{language}}: {{input}}", "Translate to {{language}}: {{input}}"], import.Candidates.Select(c => import.PromptFiles[c.PromptFile!]));
        Assert.All(import.Candidates, c => Assert.Equal("gpt-4.1-mini", c.Model));
        Assert.Equal("language: French\\ninput: Hello world".Replace("\\n", "\n"), import.Cases[0].Input.LastUserMessage);
    }

    [Fact]
    public void Prompts_that_differ_only_in_their_system_message_keep_the_conversation_in_the_case()
    {
        var import = Import("""
            prompts:
              - '[{"role": "system", "content": "Be brief."}, {"role": "user", "content": "{{q}}"}]'
              - '[{"role": "system", "content": "Be thorough."}, {"role": "user", "content": "{{q}}"}]'
            providers: [openai:gpt-4o-mini]
            tests:
              - vars: {q: Why is the sky blue?}
            """);
        var only = Assert.Single(import.Cases);
        Assert.Equal("Why is the sky blue?", Assert.Single(only.Input.Messages).Content);
        Assert.Equal(["Be brief.", "Be thorough."], import.Candidates.Select(c => import.PromptFiles[c.PromptFile!]));
    }

    [Fact]
    public void A_chat_prompt_whose_content_is_a_list_of_parts_imports_its_text_and_notes_the_image()
    {
        var import = Import("""
            prompts: [file://chat.yaml]
            providers: [openai:gpt-4o]
            tests:
              - vars: {topic: compilers}
                assert: [{type: icontains, value: code}]
            """, ("chat.yaml", """
            - role: system
              content: [{type: text, text: You teach.}]
            - role: user
              content:
                - {type: text, text: "Explain {{topic}}."}
                - {type: image_url, image_url: {url: "https://example.com/a.png"}}
            """));
        Assert.Equal("Explain compilers.", Assert.Single(import.Cases).Input.LastUserMessage);
        Assert.Equal("You teach.", import.PromptFiles[Assert.Single(import.Candidates).PromptFile!]);
        Assert.Contains(import.Notes, n => n.Message.Contains("'image_url' content part was dropped"));
    }

    [Fact]
    public void Numeric_descriptions_labels_and_values_are_text_not_a_crash()
    {
        var import = Import("""
            description: 2024
            prompts: ["Count to {{n}}"]
            providers:
              - {id: openai:gpt-4o-mini, label: 4}
            tests:
              - description: 1
                vars: {n: 3}
                assert: [{type: contains, value: 3}, {type: equals, value: 123}]
              - description: [not, text]
                vars: 7
                assert: [{type: icontains, value: {a: 1}}, 5]
            """);
        Assert.Equal("promptfoo-0001-1", import.Cases[0].Id);
        Assert.Equal("4", import.Candidates[0].Name);
        Assert.Equal(["contains", "equals"], import.Cases[0].Expect.Select(e => e.Type));
        Assert.Contains(import.Notes, n => n.Type == "vars" && n.Message.Contains("not a mapping"));
        Assert.Contains(import.Notes, n => n.Message.Contains("not a mapping (5)"));
    }

    [Fact]
    public void Default_test_from_a_file_applies_its_assertions_and_vars_to_every_case()
    {
        var import = Import("""
            prompts: ["Where is {{city}} ({{lang}})?"]
            providers: [openai:gpt-4.1]
            defaultTest: file://defaults.yaml
            tests:
              - vars: {city: Paris}
              - vars: {city: Tokyo, lang: ja}
            """, ("defaults.yaml", "vars: {lang: en}\nassert:\n  - {type: max-length, value: 300}\n"));
        Assert.All(import.Cases, c => Assert.Equal("max-length", Assert.Single(c.Expect).Type));
        Assert.Equal(["Where is Paris (en)?", "Where is Tokyo (ja)?"], import.Cases.Select(c => c.Input.LastUserMessage));
    }

    [Fact]
    public void A_prompt_file_splits_on_dashes_and_a_glob_reads_every_file()
    {
        var import = Import("""
            prompts: [file://split.txt, file://more/*.txt]
            providers: [openai:gpt-4o-mini]
            tests: [{vars: {name: Ada}}]
            """, ("split.txt", "Hi {{name}}\n---\nHello {{name}}\n"), ("more/a.txt", "Hey {{name}}"), ("more/b.txt", "Yo {{name}}"));
        Assert.Equal(4, import.Candidates.Count);
        Assert.Equal(["Hi {{name}}", "Hello {{name}}", "Hey {{name}}", "Yo {{name}}"], import.Candidates.Select(c => import.PromptFiles[c.PromptFile!]));
        Assert.Single(import.Cases);
    }

    [Fact]
    public void List_vars_expand_to_every_combination_as_promptfoo_does()
    {
        var import = Import("""
            prompts: ["Translate '{{phrase}}' to {{language}}"]
            providers: [openai:gpt-4o-mini]
            tests:
              - vars: {phrase: [hello, goodbye], language: [French, Spanish, Italian]}
                assert: [{type: icontains, value: "{{phrase}}"}]
            """);
        Assert.Equal(6, import.Cases.Count);
        Assert.Equal("Translate 'goodbye' to Italian", import.Cases[5].Input.LastUserMessage);
        Assert.Equal("goodbye", import.Cases[5].Expect[0].GetString("value"));
        Assert.Equal(1, import.AssertionsWritten);
    }

    [Fact]
    public void File_vars_are_read_and_nested_vars_render_with_filters()
    {
        var import = Import("""
            prompts: ["{{customer.name}} ({{customer.tier | upper}}): {{doc}} {{missing | default('n/a')}}"]
            providers: [openai:gpt-4o-mini]
            tests:
              - vars: {customer: {name: Ada, tier: gold}, doc: file://doc.txt}
            """, ("doc.txt", "Revenue grew."));
        Assert.Equal("Ada (GOLD): Revenue grew. n/a", Assert.Single(import.Cases).Input.LastUserMessage);
    }

    [Fact]
    public void Generators_and_remote_datasets_are_named_in_notes_never_written_as_empty_cases()
    {
        var import = Import("""
            prompts: ["{{q}}"]
            providers: [openai:gpt-4o-mini]
            tests:
              - file://generate.py:create_tests
              - huggingface://datasets/squad
              - https://docs.google.com/spreadsheets/d/abc
              - vars: {q: hi}
                assert: [{type: not-empty}]
            """);
        Assert.Single(import.Cases);
        Assert.Contains(import.Notes, n => n.Message.Contains("generate.py:create_tests") && n.Message.Contains("generator"));
        Assert.Contains(import.Notes, n => n.Message.Contains("huggingface://datasets/squad") && n.Message.Contains("offline"));
        Assert.Contains(import.Notes, n => n.Message.Contains("docs.google.com"));
    }

    [Fact]
    public void Every_provider_kind_becomes_a_candidate_natively_or_as_a_noted_stub()
    {
        var import = Import("""
            prompts: ["{{q}}"]
            providers:
              - openai:chat:gpt-4o
              - openai:responses:o4-mini
              - anthropic:messages:claude-3-5-haiku-latest
              - {id: azure:chat:my-deployment, config: {apiHost: acme.openai.azure.com}}
              - bedrock:anthropic.claude-3-haiku-20240307-v1:0
              - ollama:chat:llama3.2
              - {id: https, label: agent, config: {url: "https://agent.example.com/chat"}}
              - file://provider.py
            tests: [{vars: {q: hi}, assert: [{type: not-empty}]}]
            """);
        var byModel = import.Candidates.ToDictionary(c => c.Name);
        Assert.Equal(8, import.Candidates.Count);
        // Native kinds: Azure keeps its resource and deployment, Ollama and Anthropic use their kinds' default endpoints.
        Assert.Equal(("azure-openai", "https://acme.openai.azure.com", "my-deployment"), (byModel["my-deployment"].ProviderType, byModel["my-deployment"].Endpoint, byModel["my-deployment"].Deployment));
        Assert.Equal(("ollama", null), (byModel["llama3-2"].ProviderType, byModel["llama3-2"].Endpoint));
        Assert.Equal("anthropic", byModel["claude-3-5-haiku-latest"].ProviderType);
        Assert.Equal(("http", "http", "https://agent.example.com/chat"), (byModel["agent"].ProviderType, byModel["agent"].Target, byModel["agent"].Endpoint));
        Assert.False(byModel["anthropic-claude-3-haiku-20240307-v1-0"].Native);
        Assert.Equal("o4-mini", byModel["o4-mini"].Model);
        Assert.Contains(import.Notes, n => n.Message.Contains("'bedrock:anthropic.claude-3-haiku-20240307-v1:0'") && n.Message.Contains("stub"));
        Assert.Contains(import.Notes, n => n.Message.Contains("'file://provider.py'") && n.Message.Contains("stub"));
    }

    [Fact]
    public void Transforms_are_kept_inside_javascript_and_noted_elsewhere()
    {
        var import = Import("""
            prompts: ["colors"]
            providers: [openai:gpt-4o-mini]
            tests:
              - options: {transform: output.trim()}
                assert:
                  - {type: javascript, transform: JSON.parse(output), value: output.length === 3}
                  - {type: contains, transform: output.toLowerCase(), value: red}
            """);
        // Both assertions are scripts now: the test's transform runs first, then each assertion's own.
        var scripts = import.Cases[0].Expect.Select(e => e.GetString("value")!).ToList();
        Assert.All(import.Cases[0].Expect, e => Assert.Equal("javascript", e.Type));
        Assert.Contains("JSON.parse(output)", scripts[0]);
        Assert.True(scripts[1].IndexOf("output.trim()", StringComparison.Ordinal) < scripts[1].IndexOf("output.toLowerCase()", StringComparison.Ordinal));
        Assert.Contains(import.Notes, n => n.Type == "contains" && n.Message.Contains("transform 'output.toLowerCase()' kept"));
        Assert.Contains(import.Notes, n => n.Type == "transform" && n.Message.Contains("output.trim()"));
    }

    [Fact]
    public void Imported_javascript_runs_with_promptfoo_contract_including_file_scripts()
    {
        var import = Import("""
            prompts: ["List {{n}} fruits"]
            providers: [openai:gpt-4o-mini]
            tests:
              - vars: {n: 2}
                assert: [{type: javascript, value: file://check.js}]
            """, ("check.js", "module.exports = (output, context) => output.trim().split('\\n').length === Number(context.vars.n);\n"));
        var spec = Assert.Single(import.Cases[0].Expect);
        Assert.Equal("javascript", spec.Type);
        Assert.Empty(AgentOps.Evals.Evaluation.EvaluatorRegistry.CreateDefault().TryGet("javascript", out var js) ? js.Validate(spec) : throw new InvalidOperationException());
    }

    [Fact]
    public void Written_config_quotes_every_value_so_an_endpoint_cannot_inject_a_field()
    {
        var import = Import("""
            prompts: ["{{q}}"]
            providers:
              - id: openai:chat:local
                config: {apiBaseUrl: "http://127.0.0.1:8080/v1\", api-key-env: STOLEN, x: \"y"}
            tests: [{vars: {q: hi}, assert: [{type: similar, value: hello}]}]
            """);
        var yaml = CandidatesYaml.Write(import, "golden-set");
        var path = _folder.Write("eval.written.yaml", yaml);
        _folder.Write("golden-set/.keep", "");
        var config = ConfigLoader.Load(path);
        var provider = config.Providers[import.Candidates[0].ProviderName];
        Assert.Equal("http://127.0.0.1:8080/v1\", api-key-env: STOLEN, x: \"y", provider.Endpoint);
        Assert.Equal("OPENAI_API_KEY", provider.ApiKeyEnv);
        Assert.Equal("text-embedding-3-large", config.Embeddings!.Model);
    }

    [Fact]
    public void Every_dev_corpus_config_imports_with_cases_that_bind_and_at_least_one_candidate()
    {
        var corpus = Path.Combine(Path.GetDirectoryName(PromptfooImporterTests.Fixture)!, "corpus");
        var registry = AgentOps.Evals.Evaluation.EvaluatorRegistry.CreateDefault();
        var configs = Directory.GetFiles(corpus, "promptfooconfig*.yaml", SearchOption.AllDirectories);
        Assert.True(configs.Length >= 30, $"{configs.Length} configs");
        foreach (var config in configs)
        {
            var import = PromptfooImporter.Import(config);
            Assert.NotEmpty(import.Candidates);
            foreach (var spec in import.Cases.SelectMany(c => c.Expect))
                Assert.True(registry.TryGet(spec.Type, out var evaluator) && !evaluator.Validate(spec).Any(), $"{config}: {spec.Type}");
        }
    }
}
