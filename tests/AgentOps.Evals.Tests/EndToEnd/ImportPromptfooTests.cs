using AgentOps.Evals.Tests.Importing;

namespace AgentOps.Evals.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class ImportPromptfooTests
{
    [Fact]
    public async Task Imported_cases_and_config_validate_and_every_inexact_mapping_is_on_stderr()
    {
        using var ws = CliWorkspace.Create(new Uri("http://127.0.0.1:9/v1"), cases: 1, k: 1, concurrency: 1);
        var config = Path.Combine(ws.Root, "eval.promptfoo.yaml");

        var import = await ws.RunAsync("import", "promptfoo", PromptfooImporterTests.Fixture, "--write-config", config, "--golden-set", Path.Combine(ws.Root, "golden-set"));

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal(5, Directory.GetFiles(Path.Combine(ws.Root, "golden-set", "promptfoo"), "*.yaml").Length);
        Assert.Contains("promptfoo-0001-refund-window-in-germany: rouge-n:", import.Stderr);
        Assert.Contains("20 of 21 assertions mapped", import.Stderr);
        var written = await File.ReadAllTextAsync(config);
        Assert.Contains("gpt-4-1-mini: {model: \"gpt-4.1-mini\", provider: \"pf-gpt-4-1-mini\", prompt: \"prompts/promptfoo/fixtures-promptfooconfig-1.md\"}", written);
        Assert.Contains("run: {k: 5, concurrency: 8}", written);
        Assert.True(File.Exists(Path.Combine(ws.Root, "prompts", "promptfoo", "fixtures-promptfooconfig-1.md")));

        // The written config and the cases load cleanly.
        var validate = await ws.RunAsync("validate", "--config", config);
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    [Fact]
    public async Task A_re_import_refreshes_untouched_cases_skips_an_edited_one_and_force_overwrites_it()
    {
        using var ws = CliWorkspace.Create(new Uri("http://127.0.0.1:9/v1"), cases: 1, k: 1, concurrency: 1);
        var golden = Path.Combine(ws.Root, "golden-set");
        string[] Import(params string[] extra) => ["import", "promptfoo", PromptfooImporterTests.Fixture, "--golden-set", golden, .. extra];
        Assert.Equal(0, (await ws.RunAsync(Import())).ExitCode);
        var edited = Path.Combine(golden, "promptfoo", "promptfoo-0003-password-request.yaml");
        var reviewed = (await File.ReadAllTextAsync(edited)).Replace("severity: P2", "severity: P0", StringComparison.Ordinal);
        await File.WriteAllTextAsync(edited, reviewed);

        var again = await ws.RunAsync(Import());
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("promptfoo-0003-password-request: case:", again.Stderr);
        Assert.Contains("imported 4 cases", again.Stderr);
        Assert.Equal(reviewed, await File.ReadAllTextAsync(edited));

        var forced = await ws.RunAsync(Import("--force"));
        Assert.Contains("imported 5 cases", forced.Stderr);
        Assert.Contains("severity: P2", await File.ReadAllTextAsync(edited));
    }
}
