using AgentOps.Evals.Tests.Importing;

namespace AgentOps.Evals.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class ImportPromptfooTests
{
    [Fact]
    public async Task Imported_cases_and_config_validate_and_every_unmapped_assertion_is_on_stderr()
    {
        using var ws = CliWorkspace.Create(new Uri("http://127.0.0.1:9/v1"), cases: 1, k: 1, concurrency: 1);
        var config = Path.Combine(ws.Root, "eval.promptfoo.yaml");

        var import = await ws.RunAsync("import", "promptfoo", PromptfooImporterTests.Fixture, "--write-config", config, "--golden-set", Path.Combine(ws.Root, "golden-set"));

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal(5, Directory.GetFiles(Path.Combine(ws.Root, "golden-set", "promptfoo"), "*.yaml").Length);
        Assert.Contains("promptfoo-0001-refund-window-in-germany: javascript:", import.Stderr);
        Assert.Contains("promptfoo-0002-order-status-as-json: is-refusal:", import.Stderr);
        var written = await File.ReadAllTextAsync(config);
        Assert.Contains("gpt-4-1-mini: {model: \"gpt-4.1-mini\", provider: pf-gpt-4-1-mini, prompt: prompts/promptfoo-system.md}", written);
        Assert.Contains("run: {k: 5, concurrency: 8}", written);

        // The written config and the cases load cleanly.
        var validate = await ws.RunAsync("validate", "--config", config);
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }
}
