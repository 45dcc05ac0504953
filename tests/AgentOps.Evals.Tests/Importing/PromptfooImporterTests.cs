using AgentOps.Evals.Importing;

namespace AgentOps.Evals.Tests.Importing;

public sealed class PromptfooImporterTests
{
    internal static readonly string Fixture = FindFixture();

    /// <summary>The fixture in the source tree (found by walking up from the test binaries).</summary>
    private static string FindFixture()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "AgentOps.Evals.Tests", "Importing", "fixtures", "promptfooconfig.yaml");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("Importing/fixtures/promptfooconfig.yaml not found above " + AppContext.BaseDirectory);
    }

    private static PromptfooImport Import() => PromptfooImporter.Import(Fixture);

    [Fact]
    public void Every_test_from_the_config_and_its_yaml_and_csv_files_becomes_a_case_with_rendered_messages()
    {
        var import = Import();
        Assert.Equal(
            ["promptfoo-0001-refund-window-in-germany", "promptfoo-0002-order-status-as-json", "promptfoo-0003-password-request", "promptfoo-0004-order-status-csv", "promptfoo-0005-greeting-exact"],
            import.Cases.Select(c => c.Id));
        var first = import.Cases[0];
        Assert.Equal("Can I return after 20 days? I live in Germany.", Assert.Single(first.Input.Messages).Content);
        Assert.Equal("Northwind", first.Input.Vars["company"]);
        Assert.All(import.Cases, c => Assert.Equal("promptfoo", c.Suite));
    }

    [Fact]
    public void Assertions_map_to_ours_with_values_and_thresholds_and_default_test_asserts_apply_to_every_case()
    {
        var cases = Import().Cases.ToDictionary(c => c.Id);
        var refund = cases["promptfoo-0001-refund-window-in-germany"].Expect;
        Assert.Equal(["not-contains", "contains", "icontains", "regex", "rouge-l", "max-latency-ms", "max-cost-usd", "no-refusal", "javascript", "not-icontains"], refund.Select(a => a.Type));
        Assert.Equal("As an AI", refund[0].GetString("value"));
        Assert.Equal("\\b14\\b", refund[3].GetString("pattern"));
        Assert.Equal(0.6, refund[4].GetNumber("threshold"));
        Assert.Equal(5000, refund[5].GetNumber("value"));
        Assert.Equal(0.002, refund[6].GetNumber("value"));

        var json = cases["promptfoo-0002-order-status-as-json"].Expect;
        Assert.Equal(["not-contains", "is-json", "levenshtein", "finish-reason", "starts-with", "equals", "bleu", "is-refusal"], json.Select(a => a.Type));
        // Edit distance 4 against the 21-character expected text: similarity ≥ 1 - 4/21, rounded to 3 places.
        Assert.Equal(0.81, json[2].GetNumber("threshold"));
        Assert.Equal(0.3, json[6].GetNumber("threshold"));

        var csv = cases["promptfoo-0004-order-status-csv"].Expect;
        Assert.Equal("shipped", csv.Single(a => a.Type == "contains").GetString("value"));
        Assert.Equal("Hello!", cases["promptfoo-0005-greeting-exact"].Expect.Single(a => a.Type == "equals").GetString("value"));
        Assert.Equal("llm-rubric", cases["promptfoo-0003-password-request"].Expect[1].Type);
    }

    [Fact]
    public void Each_unmapped_or_inexact_assertion_is_reported_with_its_case_and_type()
    {
        var import = Import();
        var notes = import.Notes;
        Assert.Contains(notes, n => n.CaseId == "promptfoo-0001-refund-window-in-germany" && n.Type == "contains" && n.Message.Contains("weight 0"));
        Assert.Contains(notes, n => n.CaseId == "promptfoo-0001-refund-window-in-germany" && n.Type == "rouge-n" && n.Message.Contains("rouge-l"));
        Assert.Contains(notes, n => n.Type == "providers" && n.Message.Contains("temperature"));
        // 21 assertions as written (defaultTest's once); only the weight-0 one is dropped.
        Assert.Equal(21, import.AssertionsWritten);
        Assert.Equal(20, import.AssertionsMapped);
    }

    [Fact]
    public void Every_provider_becomes_a_candidate_the_system_prompt_their_prompt_and_repeat_becomes_k()
    {
        var import = Import();
        Assert.Equal(["gpt-4-1-mini", "claude-sonnet-4"], import.Candidates.Select(c => c.Name));
        var openai = import.Candidates[0];
        Assert.Equal("gpt-4.1-mini", openai.Model);
        Assert.Equal("http://127.0.0.1:8080/v1", openai.Endpoint);
        Assert.Equal("OPENAI_API_KEY", openai.ApiKeyEnv);
        Assert.Equal("You are the support agent of {{company}}.", import.PromptFiles[openai.PromptFile!]);
        var anthropic = import.Candidates[1];
        Assert.Equal(("claude-sonnet-4", "anthropic", null, "ANTHROPIC_API_KEY"), (anthropic.Model, anthropic.ProviderType, anthropic.Endpoint, anthropic.ApiKeyEnv));
        Assert.Equal(openai.PromptFile, anthropic.PromptFile);
        Assert.Equal(5, import.K);
        Assert.Equal(8, import.Concurrency);
        Assert.Equal("gpt-4.1", import.Judge!.Model);
    }
}
