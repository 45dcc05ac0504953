using AgentOps.Evals.Application;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Importing;
using AgentOps.Evals.Tests.Cases;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Robustness;

/// <summary>Inputs from bench/hostile/ that were once accepted silently or named the wrong thing; each is now a clear problem.</summary>
public sealed class HostileCorpusTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private IReadOnlyList<Problem> CaseProblems(string id, string yaml)
    {
        var path = _folder.Write($"suite/{id}.yaml", yaml);
        return GoldenSetLoader.LoadFile(path, _folder.Root, EvaluatorRegistry.CreateDefault(), new RunOptions()).Problems;
    }

    private static string Case(string id, string extra = "", string assertion = "{type: contains, value: \"A-1001\"}") => $$"""
        id: {{id}}
        title: Customer asks where a shipped order is
        severity: P1{{extra}}
        input:
          messages:
            - {role: user, content: "Where is my order A-1001?"}
        expect:
          - {{assertion}}
        """;

    [Theory]
    [InlineData("!!binary aGVsbG8=", "!!binary")]
    [InlineData("!!python/object:os.system ls", "!!python/object:os.system")]
    [InlineData("!evil refund", "!evil")]
    public void A_yaml_tag_outside_the_core_schema_is_a_problem_on_its_line(string title, string tag)
    {
        var problem = Assert.Single(CaseProblems("tagged", Case("tagged").Replace("title: Customer asks where a shipped order is", "title: " + title)));
        Assert.Equal(2, problem.Location.Line);
        Assert.Contains($"found the tag {tag}", problem.Message);
    }

    [Fact]
    public void Core_tags_still_load()
    {
        Assert.Empty(CaseProblems("core-tags", Case("core-tags").Replace("title: Customer asks where a shipped order is", "title: !!str 2026")));
    }

    [Fact]
    public void A_config_with_a_custom_tag_is_refused_on_its_line()
    {
        var path = _folder.Write("eval.config.yaml", "providers:\n  replay: {type: !custom replay}\ncandidates:\n  prod: {model: m, provider: replay}\n");
        var problem = Assert.Single(Assert.Throws<InputException>(() => ConfigLoader.Load(path)).Problems);
        Assert.Equal(2, problem.Location.Line);
        Assert.Contains("!custom", problem.Message);
    }

    [Fact]
    public void A_json_schema_assertion_whose_schema_is_broken_does_not_load()
    {
        // NJsonSchema reads {type: 7} as "anything": the assertion would pass every reply.
        var problems = CaseProblems("bad-schema", Case("bad-schema", assertion: "{type: json-schema, schema: {type: 7, required: order_id}}"));
        Assert.Equal(["expect[0].schema.type", "expect[0].schema.required"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal(8, p.Location.Line));
        Assert.Contains("the number 7", problems[0].Message);
    }

    [Fact]
    public void A_valid_json_schema_assertion_loads()
    {
        Assert.Empty(CaseProblems("good-schema", Case("good-schema",
            assertion: "{type: json-schema, schema: {type: object, properties: {status: {type: string, enum: [shipped]}}, required: [status]}}")));
    }

    [Fact]
    public async Task Drift_over_only_unreadable_trace_lines_names_the_first_bad_line_not_since()
    {
        var traces = _folder.Write("traces.json", "this is not OTLP JSON\n");
        var feedback = _folder.Write("feedback.jsonl", "");
        var result = await CliProcess.RunAsync("drift", "--traces", traces, "--feedback", feedback, "--no-sample", "--ephemeral-key",
            "--store", Path.Combine(_folder.Root, "results.db"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{traces}:1: not JSON", result.Stderr);
        Assert.DoesNotContain("--since", result.Stderr);
        Assert.DoesNotContain("   at ", result.All);
    }

    [Fact]
    public async Task Calibrate_after_a_newer_shard_run_grades_the_run_that_holds_the_labelled_case()
    {
        // README order: run, then run --shard 2/4 (which lacks the labelled orders-status-shipped-001), then calibrate.
        var ws = EvalWorkspace.Open(new WorkspacePaths(Path.Combine(RepoPaths.Root, "eval.config.yaml"), ConfigRequired: true,
            StorePath: Path.Combine(_folder.Root, "results.db")));
        var full = await ws.RunAsync(new RunRequest("prod", 1, Filter: "suite:orders"));
        var shard = await ws.RunAsync(new RunRequest("prod", 1, Filter: "suite:refunds"));
        Assert.DoesNotContain(shard.Run.Cases, c => c.Id == "orders-status-shipped-001");

        var report = await ws.CalibrateAsync();

        Assert.Equal(full.Run.RunId, report.Run.RunId);
        Assert.Equal(1, report.Result.Judged);
    }

    [Fact]
    public void A_promptfoo_config_nested_20000_deep_is_a_problem_not_a_stack_overflow()
    {
        var path = _folder.Write("deep/promptfooconfig.yaml", "prompts: ['{{q}}']\ntests: [{vars: {q: " + new string('[', 20_000) + new string(']', 20_000) + "}}]\n");
        var problem = Assert.Single(Assert.Throws<InputException>(() => PromptfooFiles.ReadDocument(path)).Problems);
        Assert.Equal(2, problem.Location.Line);
        Assert.Contains("nesting deeper than", problem.Message);
    }

    [Fact]
    public void A_promptfoo_config_alias_bomb_is_refused_before_it_expands()
    {
        var bomb = "x0: &x0 [a, a, a, a, a, a, a, a, a]\n" + string.Concat(Enumerable.Range(1, 9).Select(i =>
            $"x{i}: &x{i} [{string.Join(", ", Enumerable.Repeat($"*x{i - 1}", 9))}]\n"));
        var path = _folder.Write("bomb/promptfooconfig.yaml", bomb + "prompts: ['{{q}}']\ntests: [{vars: {q: *x9}}]\n");
        var problem = Assert.Single(Assert.Throws<InputException>(() => PromptfooFiles.ReadDocument(path)).Problems);
        Assert.Contains("aliases", problem.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task Run_with_a_concurrency_below_1_is_refused_like_in_the_config(string concurrency)
    {
        var result = await CliProcess.RunAsync("run", "--concurrency", concurrency, "--filter", "id:orders-status-shipped-001", "--store", Path.Combine(_folder.Root, "results.db"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--concurrency", result.Stderr);
        Assert.Contains("from 1 to 4096", result.Stderr);
        Assert.DoesNotContain("   at ", result.All);
    }

    private async Task<(string Store, string RunId)> StoredRunAsync()
    {
        var store = Path.Combine(_folder.Root, "results.db");
        var ws = EvalWorkspace.Open(new WorkspacePaths(Path.Combine(RepoPaths.Root, "eval.config.yaml"), ConfigRequired: true, StorePath: store));
        var run = await ws.RunAsync(new RunRequest("prod", 1, Filter: "id:orders-status-shipped-001"));
        return (store, run.Run.RunId);
    }

    [Fact]
    public async Task Report_to_a_path_under_a_file_is_bad_input_naming_it_and_the_other_outputs_are_written()
    {
        var (store, runId) = await StoredRunAsync();
        var notAFolder = _folder.Write("plain.txt", "a file");
        var json = Path.Combine(notAFolder, "run.json");
        var markdown = Path.Combine(_folder.Root, "out", "run.md");
        var result = await CliProcess.RunAsync("report", runId, "--json", json, "--markdown", markdown, "--html", _folder.Root, "--store", store);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"could not write {json}: {notAFolder} is a file, not a folder", result.Stderr);
        Assert.Contains($"could not write {_folder.Root}: it is a folder", result.Stderr);
        Assert.True(File.Exists(markdown));
        Assert.DoesNotContain("   at ", result.All);
    }

    [Fact]
    public async Task Gate_junit_to_a_path_under_a_file_is_bad_input_naming_it_and_the_other_outputs_are_written()
    {
        var (store, runId) = await StoredRunAsync();
        var notAFolder = _folder.Write("plain.txt", "a file");
        var junit = Path.Combine(notAFolder, "gate.xml");
        var markdown = Path.Combine(_folder.Root, "gate.md");
        var result = await CliProcess.RunAsync("gate", "--from", runId, runId, "--junit", junit, "--markdown", markdown, "--store", store);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"could not write {junit}: {notAFolder} is a file, not a folder", result.Stderr);
        Assert.True(File.Exists(markdown));
        Assert.DoesNotContain("   at ", result.All);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("report")]
    public async Task A_folder_as_store_is_bad_input_naming_it(string command)
    {
        var folder = Path.Combine(_folder.Root, "stores");
        Directory.CreateDirectory(folder);
        var result = await CliProcess.RunAsync(command == "run" ? ["run", "--filter", "id:orders-status-shipped-001", "--store", folder] : ["report", "--list", "--store", folder]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{folder}: is a folder, not a store file", result.Stderr);
        Assert.DoesNotContain("   at ", result.All);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("report")]
    public async Task A_store_under_a_regular_file_is_bad_input_naming_it(string command)
    {
        var file = _folder.Write("plain.txt", "a file");
        var store = Path.Combine(file, "results.db");
        var result = await CliProcess.RunAsync(command == "run" ? ["run", "--filter", "id:orders-status-shipped-001", "--store", store] : ["report", "--list", "--store", store]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{store}: cannot be a store: {file} is a file, not a folder", result.Stderr);
        Assert.DoesNotContain("   at ", result.All);
    }

    private sealed class SpanCounter : AgentOps.Evals.Harvesting.IOtlpSink
    {
        public int Spans { get; private set; }

        public void OnSpan(in AgentOps.Evals.Harvesting.OtlpSpan span) => Spans++;

        public void OnLog(in AgentOps.Evals.Harvesting.OtlpLogRecord log) { }
    }

    private (int Spans, List<AgentOps.Evals.Harvesting.SkippedLine> Skipped) ReadTraces(string path)
    {
        var sink = new SpanCounter();
        var skipped = new List<AgentOps.Evals.Harvesting.SkippedLine>();
        AgentOps.Evals.Harvesting.OtlpFileReader.Read(path, sink, skipped, CancellationToken.None);
        return (sink.Spans, skipped);
    }

    // Ends inside the span, before the quote of its next field name: the cases below go on with "startTimeUnixNano".
    private const string SpanHead = "{\"resourceSpans\": [{\"scopeSpans\": [{\"scope\": {\"name\": \"x\"}, \"spans\": [{\"traceId\": \"5b8efff798038103d269b633813fc60c\", \"spanId\": \"eee19b7ec3c1b174\", \"name\": \"chat m\", \"";

    [Theory]
    [InlineData("""{"resourceSpans": "x"}""", "resourceSpans: expected an array of resource spans, found the string \"x\"")]
    [InlineData("""{"resourceSpans": [{"scopeSpans": [{"spans": 5}]}]}""", "scopeSpans[].spans: expected an array of spans, found the number 5")]
    [InlineData(SpanHead + """startTimeUnixNano": "1782638042000000000", "attributes": {"gen_ai.request.model": "x"}}]}]}]}""", "attributes: expected a list of {key, value} pairs, found an object")]
    [InlineData(SpanHead + """startTimeUnixNano": "1782638042000000000", "attributes": [{"key": "gen_ai.usage.input_tokens", "value": {"intValue": "twelve"}}]}]}]}]}""", "intValue: expected an integer, found the string \"twelve\"")]
    [InlineData(SpanHead + """startTimeUnixNano": "yesterday", "attributes": []}]}]}]}""", "startTimeUnixNano: expected nanoseconds since 1970 (digits), found the string \"yesterday\"")]
    public void Otlp_json_with_a_wrong_type_is_a_skipped_line_saying_what_was_expected(string json, string expected)
    {
        var path = _folder.Write("traces.json", json + "\n");
        var (spans, skipped) = ReadTraces(path);
        Assert.Equal(0, spans);
        var line = Assert.Single(skipped);
        Assert.Equal((path, 1), (line.File, line.Line));
        Assert.Contains(expected, line.Reason);
    }

    [Fact]
    public void The_good_hostile_trace_still_reads_without_a_skipped_line()
    {
        var (spans, skipped) = ReadTraces(Path.Combine(RepoPaths.Root, "bench", "hostile", "corpus", "traces", "good.json"));
        Assert.Empty(skipped);
        Assert.True(spans > 0);
    }

    [Fact]
    public void A_gzip_trace_file_is_one_skipped_line_saying_to_decompress_it()
    {
        var path = Path.Combine(_folder.Root, "traces.json");
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Optimal))
            gzip.Write(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "bench", "hostile", "corpus", "traces", "good.json")));
        var (spans, skipped) = ReadTraces(path);
        Assert.Equal(0, spans);
        var line = Assert.Single(skipped);
        Assert.Equal(1, line.Line);
        Assert.Equal($"gzip-compressed; decompress first (gunzip {path})", line.Reason);
    }

    [Fact]
    public async Task Shadow_over_only_bad_trace_lines_names_them_not_a_missing_set()
    {
        var traces = _folder.Write("traces.json", "this is not OTLP JSON\n{\"resourceSpans\": \"x\"}\n");
        var result = await CliProcess.RunAsync("shadow", "--traces", traces, "--candidate", "prod", "--baseline", "production", "--no-judge",
            "--ephemeral-key", "--set", Path.Combine(_folder.Root, "set"), "--store", Path.Combine(_folder.Root, "s.db"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{traces}:1: not JSON", result.Stderr);
        Assert.Contains($"{traces}:2: resourceSpans: expected an array", result.Stderr);
        Assert.DoesNotContain("no shadow set here", result.All);
        Assert.DoesNotContain("   at ", result.All);
    }
}
