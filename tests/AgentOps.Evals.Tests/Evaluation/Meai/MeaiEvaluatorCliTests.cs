using AgentOps.Evals.Tests.Cases;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Evaluation.Meai;

/// <summary>The MEAI evaluator of this test project, named in a config's <c>evaluators:</c> and used from a case file
/// through the real CLI: <c>validate</c> accepts it (and names a misspelt one), <c>run</c> scores with it on cassettes.</summary>
public sealed class MeaiEvaluatorCliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Setup(string assertions)
    {
        // The sample case as recorded, with its expect list swapped: the request is unchanged, so the cassettes replay it.
        var sample = File.ReadAllText(Path.Combine(RepoPaths.Root, "golden-set", "orders", "orders-cancel-004.yaml"));
        var head = sample[..sample.IndexOf("expect:", StringComparison.Ordinal)];
        _folder.Write("golden/orders/orders-cancel-004.yaml", head + "expect:\n" + assertions + "consistency: {k: 5, min-agreement: 0.9}\n");
        var root = RepoPaths.Root.Replace('\\', '/');
        return _folder.Write("eval.config.yaml", $"""
            golden-set: golden
            providers:
              replay: {"{"}type: replay, cassettes: "{root}/fixtures/cassettes"{"}"}
            candidates:
              prod: {"{"}prompt: "{root}/prompts/support.v3.md", model: gpt-4.1-mini, provider: replay{"}"}
            baseline: prod
            run: {"{"}k: 3{"}"}
            evaluators:
              word-count:
                assembly: "{typeof(WordCountEvaluator).Assembly.Location.Replace('\\', '/')}"
                type: {typeof(WordCountEvaluator).FullName}
                needs-judge: false
            """);
    }

    [Fact]
    public async Task Validate_and_run_use_an_MEAI_evaluator_named_in_the_config()
    {
        var config = Setup("""
              - {type: evaluator, name: word-count, metric: ToolCalls, min: 1, max: 1}
              - {type: evaluator, name: word-count, metric: Words, max: 200}

            """);
        var validate = await CliProcess.RunAsync("validate", "--config", config);
        Assert.True(validate.ExitCode == 0, validate.All);

        var run = await CliProcess.RunAsync("run", "--config", config, "--store", Path.Combine(_folder.Root, "results.db"));
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Matches(@"│ all\s+│ 1\s+│ 5\s+│ 5\s+│ 0\s+│ 0\s+│ 100\.0%", run.Stdout);
    }

    [Fact]
    public async Task Validate_names_a_misspelt_evaluator_metric_with_file_line_and_a_suggestion()
    {
        var config = Setup("""
              - {type: evaluator, name: word-count, metric: Wrods, max: 200}

            """);
        var validate = await CliProcess.RunAsync("validate", "--config", config);
        Assert.Equal(2, validate.ExitCode);
        Assert.Contains("orders-cancel-004.yaml:24:", validate.Stderr);
        Assert.Contains("expect[0].metric: found unknown metric 'Wrods' of 'word-count', did you mean `Words`?", validate.Stderr);
        Assert.DoesNotContain("   at ", validate.All);
    }
}
