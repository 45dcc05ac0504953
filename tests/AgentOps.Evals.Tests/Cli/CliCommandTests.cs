using AgentOps.Evals.Tests.Cases;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Cli;

/// <summary>The CLI as a user meets it: the sample set on cassettes, the gate's verdicts, and bad input.</summary>
public sealed class CliCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-cli").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Store => Path.Combine(_dir, "results.db");

    [Fact]
    public async Task Validate_accepts_the_sample_golden_set()
    {
        var result = await CliProcess.RunAsync("validate");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("OK: 48 cases", result.Stdout);
    }

    [Fact]
    public async Task Run_replays_the_sample_set_on_cassettes_and_prints_a_per_suite_table()
    {
        var result = await CliProcess.RunAsync("run", "--store", Store);
        Assert.True(result.ExitCode == 0, result.All);
        foreach (var suite in new[] { "orders", "refunds", "shipping", "account" })
            Assert.Contains(suite, result.Stdout);
        Assert.Matches(@"│ all\s+│ 48\s+│ 156\s+│ 156\s+│ 0\s+│ 0\s+│ 100\.0%", result.Stdout);
        Assert.Contains("provider replay", result.Stdout);
    }

    [Fact]
    public async Task Gate_fails_next_and_names_the_regressed_slice_but_passes_prod_against_itself()
    {
        var junit = Path.Combine(_dir, "gate.xml");
        var markdown = Path.Combine(_dir, "gate.md");
        var fail = await CliProcess.RunAsync("gate", "--baseline", "prod", "--candidate", "next", "--store", Store, "--junit", junit, "--markdown", markdown);
        Assert.True(fail.ExitCode == 1, fail.All);
        Assert.Contains("GATE FAIL", fail.Stdout);
        Assert.Contains("[locale:de-DE]", fail.Stdout);
        Assert.Contains("refunds-eu-de-window-008", fail.Stdout);
        Assert.Contains("<testsuite", File.ReadAllText(junit));
        Assert.Contains("refunds-eu-de-window-008", File.ReadAllText(markdown));

        var pass = await CliProcess.RunAsync("gate", "--baseline", "prod", "--candidate", "prod", "--store", Store);
        Assert.True(pass.ExitCode == 0, pass.All);
        Assert.Contains("GATE PASS", pass.Stdout);

        var reuse = await CliProcess.RunAsync("gate", "--baseline", "last-green:prod", "--candidate", "next", "--store", Store);
        Assert.Equal(1, reuse.ExitCode);
    }

    [Fact]
    public async Task A_missing_recording_names_the_case_and_the_command_that_records_it()
    {
        var config = Path.Combine(_dir, "eval.config.yaml");
        File.Copy(Path.Combine(RepoPaths.Root, "eval.config.yaml"), config);
        File.WriteAllText(config, File.ReadAllText(config)
            .Replace("cassettes: fixtures/cassettes", $"cassettes: {Path.Combine(_dir, "empty-cassettes")}")
            .Replace("prompts/", Path.Combine(RepoPaths.Root, "prompts") + "/")
            .Replace("golden-set: golden-set", $"golden-set: {Path.Combine(RepoPaths.Root, "golden-set")}"));
        var result = await CliProcess.RunAsync("run", "--config", config, "--store", Store, "--filter", "orders-*", "-k", "1");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no recording for case 'orders-", result.All);
        Assert.Contains("--record", result.All);
    }

    [Fact]
    public async Task Report_renders_a_stored_run_as_markdown_and_json()
    {
        var run = await CliProcess.RunAsync("run", "--candidate", "next", "--store", Store, "--json");
        Assert.Equal(0, run.ExitCode);
        var runId = System.Text.Json.JsonDocument.Parse(run.Stdout).RootElement.GetProperty("runId").GetString()!;
        var md = Path.Combine(_dir, "run.md");
        var json = Path.Combine(_dir, "run.json");
        var report = await CliProcess.RunAsync("report", runId, "--store", Store, "--markdown", md, "--json", json);
        Assert.Equal(0, report.ExitCode);
        var text = File.ReadAllText(md);
        Assert.Contains("| **all** | 48 | 156 | 139 | 17 |", text);
        Assert.Contains("refunds-eu-de-window-008", text);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("gpt-5-mini", doc.RootElement.GetProperty("candidate").GetProperty("modelId").GetString());
    }

    [Fact]
    public async Task Bad_command_line_arguments_exit_2()
    {
        var result = await CliProcess.RunAsync("run", "--no-such-flag");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-such-flag", result.Stderr);
    }

    [Theory]
    [InlineData("syntax.yaml", "id: syntax\ntitle: [unclosed\n", "syntax.yaml:")]
    [InlineData("unknown-field.yaml", "id: unknown-field\ntittle: x\ninput: {messages: [{role: user, content: hi}]}\nexpect: [{type: contains, value: x}]\n", "did you mean `title`")]
    [InlineData("bad-type.yaml", "id: bad-type\ninput: {messages: [{role: user, content: hi}]}\nexpect: [{type: containz, value: x}]\n", "containz")]
    [InlineData("bad-regex.yaml", "id: bad-regex\ninput: {messages: [{role: user, content: hi}]}\nexpect: [{type: regex, pattern: \"(unclosed\"}]\n", "expect[0].pattern")]
    [InlineData("ungrounded.yaml", "id: ungrounded\ninput: {messages: [{role: user, content: hi}]}\nexpect:\n  - {type: groundedness}\n", "ungrounded.yaml:4:5: expect[0]: found a 'groundedness' assertion and no input.context")]
    [InlineData("bad-severity.yaml", "id: bad-severity\nseverity: P9\ninput: {messages: [{role: user, content: hi}]}\nexpect: [{type: contains, value: x}]\n", "severity")]
    [InlineData("empty.yaml", "", "empty.yaml")]
    public async Task Validate_names_the_file_line_and_field_of_bad_input_without_a_stack_trace(string file, string content, string expected)
    {
        var root = Path.Combine(_dir, "golden");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, file), content);
        var result = await CliProcess.RunAsync("validate", "--golden-set", root);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.Contains(file, result.Stderr);
        Assert.DoesNotContain("   at ", result.All);
    }

    [Fact]
    public async Task Validate_rejects_an_alias_bomb_and_a_30_MB_file_and_reports_both()
    {
        var root = Path.Combine(_dir, "golden");
        Directory.CreateDirectory(root);
        var bomb = new System.Text.StringBuilder("id: bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 0; i < 9; i++) bomb.Append($"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)}]\n");
        File.WriteAllText(Path.Combine(root, "bomb.yaml"), bomb.ToString());
        using (var big = File.Create(Path.Combine(root, "huge.yaml")))
        {
            big.SetLength(30L * 1024 * 1024);
        }
        var result = await CliProcess.RunAsync("validate", "--golden-set", root);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bomb.yaml", result.Stderr);
        Assert.Contains("alias", result.Stderr);
        Assert.Contains("huge.yaml", result.Stderr);
        Assert.DoesNotContain("   at ", result.All);
    }

    [Fact]
    public async Task The_sample_golden_set_scans_clean_and_a_planted_email_is_found()
    {
        var clean = await CliProcess.RunAsync("scan");
        Assert.True(clean.ExitCode == 0, clean.All);

        var leaky = Path.Combine(_dir, "leaky.yaml");
        File.WriteAllText(leaky, "id: leaky\ninput:\n  messages:\n    - {role: user, content: \"mail me at jane.doe@example.com\"}\n");
        var found = await CliProcess.RunAsync("scan", leaky, "--json");
        Assert.Equal(1, found.ExitCode);
        using var finding = System.Text.Json.JsonDocument.Parse(found.Stdout.Split('\n')[0]);
        Assert.Equal("email", finding.RootElement.GetProperty("type").GetString());
        Assert.Equal(4, finding.RootElement.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task The_sample_llm_rubric_and_calibrate_replay_the_judge_offline_with_no_key()
    {
        // The sample's judge is the live provider; a run on cassettes must grade from judge.jsonl instead of asking for its key.
        var offline = new Dictionary<string, string?> { ["OPENAI_API_KEY"] = null, ["AGENTOPS_LIVE_ENDPOINT"] = null };
        var run = await CliProcess.RunInAsync(RepoPaths.Root, offline, "run", "--filter", "id:orders-status-shipped-001", "--store", Store, "--json");
        Assert.True(run.ExitCode == 0, run.All);
        var all = System.Text.Json.JsonDocument.Parse(run.Stdout).RootElement.GetProperty("suites").EnumerateArray().Single(s => s.GetProperty("suite").GetString() == "all");
        Assert.Equal(3, all.GetProperty("passed").GetInt32());

        var calibrate = await CliProcess.RunInAsync(RepoPaths.Root, offline, "calibrate", "--store", Store, "--json");
        Assert.True(calibrate.ExitCode == 0, calibrate.All);
        var result = System.Text.Json.JsonDocument.Parse(calibrate.Stdout).RootElement;
        Assert.Equal(1, result.GetProperty("judged").GetInt32());
        Assert.Equal(1.0, result.GetProperty("agreement").GetDouble(), 3);
    }

    [Fact]
    public async Task Harvest_refuses_without_a_key_and_writes_needs_label_cases_with_an_ephemeral_one()
    {
        var outFolder = Path.Combine(_dir, "harvested");
        var noKey = await CliProcess.RunInAsync(RepoPaths.Root, new Dictionary<string, string?> { ["AGENTOPS_HMAC_KEY"] = null }, "harvest", "--out", outFolder);
        Assert.Equal(2, noKey.ExitCode);
        Assert.Contains("AGENTOPS_HMAC_KEY", noKey.Stderr);

        var ephemeral = await CliProcess.RunInAsync(RepoPaths.Root, new Dictionary<string, string?> { ["AGENTOPS_HMAC_KEY"] = null }, "harvest", "--out", outFolder, "--ephemeral-key");
        Assert.True(ephemeral.ExitCode == 0, ephemeral.All);
        var cases = Directory.GetFiles(outFolder, "*.yaml");
        Assert.NotEmpty(cases);
        Assert.All(cases, f => Assert.Contains("status: needs-label", File.ReadAllText(f)));
        Assert.True(File.Exists(Path.Combine(outFolder, "triage.md")));
        Assert.Contains("skipped", ephemeral.Stdout);
        Assert.Contains("no mapping store (ephemeral key)", ephemeral.Stdout);
        Assert.Equal(0, (await CliProcess.RunAsync("scan", outFolder)).ExitCode);
    }

    [Fact]
    public async Task Harvest_with_a_key_writes_the_mapping_store_once_and_says_so()
    {
        // The sample's harvest settings, with the mapping store and the output in a scratch folder.
        var config = Path.Combine(_dir, "eval.config.yaml");
        File.WriteAllText(config, $"""
            golden-set: {Path.Combine(RepoPaths.Root, "golden-set")}
            harvest:
              feedback: {Path.Combine(RepoPaths.Root, "fixtures", "feedback", "*.jsonl")}
              traces: {Path.Combine(RepoPaths.Root, "fixtures", "traces", "*.json")}
              out: {Path.Combine(_dir, "harvested")}
              mapping-store: {Path.Combine(_dir, "mapping.db")}
            """);
        var key = new Dictionary<string, string?> { ["AGENTOPS_HMAC_KEY"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()) };

        var first = await CliProcess.RunInAsync(_dir, key, "harvest", "--config", config);
        var second = await CliProcess.RunInAsync(_dir, key, "harvest", "--config", config);

        Assert.True(first.ExitCode == 0, first.All);
        Assert.Contains("mapping store written (never commit it)", first.Stdout);
        Assert.True(File.Exists(Path.Combine(_dir, "mapping.db")));
        // Nothing new the second night: the store is left as it was, and the message must not claim an ephemeral key.
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Contains("cases written: 0", second.Stdout);
        Assert.Contains("mapping store unchanged (no new case)", second.Stdout);
    }
}
