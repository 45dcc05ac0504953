using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Running;
using AgentOps.Evals.Tests.Cases;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI.Evaluation;

namespace AgentOps.Evals.Tests.Evaluation.Meai;

/// <summary>A registered MEAI evaluator used from a case file as <c>{type: evaluator, name, metric, min/max}</c>.</summary>
public sealed class MeaiEvaluatorAssertionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static EvaluatorRegistry Registry(WordCountEvaluator words, bool needsJudge = false) =>
        EvaluatorRegistry.CreateDefault().RegisterEvaluator("word-count", words, needsJudge);

    private GoldenSetLoadResult Load(EvaluatorRegistry registry, string assertion, string extraInput = "")
    {
        _folder.Write("orders/brief.yaml",
            "id: brief\ninput:\n  messages: [{role: user, content: \"Where is A-1001?\"}]\n" + extraInput + "expect:\n  - " + assertion + "\n");
        return GoldenSetLoader.Load(_folder.Root, registry, new RunOptions());
    }

    private static async Task<AssertionResult> Score(EvaluatorRegistry registry, GoldenCase loaded, Trial trial, Microsoft.Extensions.AI.IChatClient? judge = null)
    {
        var context = trial.ToContext() with { Case = loaded, Judge = judge };
        return await registry.Bind(loaded.Expect[0]).EvaluateAsync(context, CancellationToken.None);
    }

    [Fact]
    public async Task A_numeric_metric_passes_within_its_bounds_and_fails_outside()
    {
        var registry = Registry(new WordCountEvaluator());
        var loaded = Assert.Single(Load(registry, "{type: evaluator, name: word-count, metric: Words, max: 5}").CasesOrThrow());
        Assert.False(loaded.Expect[0].Bound!.NeedsJudge);

        var brief = await Score(registry, loaded, Trial.Answer("It ships tomorrow."));
        Assert.True(brief.Passed, brief.Reason);
        Assert.Equal(3, brief.Score);
        Assert.Contains("Words 3 within max 5", brief.Reason);

        var chatty = await Score(registry, loaded, Trial.Answer("Your order A-1001 left our warehouse and ships tomorrow."));
        Assert.False(chatty.Passed);
        Assert.False(chatty.InfraError);
        Assert.Contains("Words 9 outside max 5", chatty.Reason);
    }

    [Fact]
    public async Task The_evaluator_sees_the_tool_calls_the_case_context_and_the_judge_as_chat_configuration()
    {
        var words = new WordCountEvaluator();
        var registry = Registry(words, needsJudge: true);
        var loaded = Assert.Single(Load(registry, "{type: evaluator, name: word-count, metric: ToolCalls, min: 1}",
            "  context: [\"Orders ship in 2 days.\"]\n").CasesOrThrow());
        Assert.True(loaded.Expect[0].Bound!.NeedsJudge);

        var judge = new ScriptedChatClient((_, _, _) => ScriptedChatClient.Text("unused"));
        var result = await Score(registry, loaded, Trial.Calls(("get_order_status", """{"order_id":"A-1001"}""")), judge);
        Assert.True(result.Passed, result.Reason);
        Assert.Same(judge, words.SeenJudge);
        Assert.Contains("Grounding context", words.SeenContexts);
    }

    [Theory]
    [InlineData("{type: evaluator, name: word-cuont, metric: Words}", "expect[0].name", "did you mean `word-count`?")]
    [InlineData("{type: evaluator, name: word-count, metric: Wrods}", "expect[0].metric", "did you mean `Words`?")]
    [InlineData("{type: evaluator, name: word-count}", "expect[0].metric", "expected one of: Words, ToolCalls")]
    [InlineData("{type: evaluator, name: word-count, metric: Words, min: 5, max: 2}", "expect[0].max", "below min")]
    public void Unknown_names_and_metrics_are_load_errors_with_a_suggestion(string assertion, string field, string fragment)
    {
        var result = Load(Registry(new WordCountEvaluator()), assertion);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(field, problem.Field);
        Assert.Equal(5, problem.Location.Line);
        Assert.Contains(fragment, problem.Message);
    }

    public static TheoryData<string, string> Undecided => new()
    {
        { "error", "evaluator error: the service refused" },
        { "missing", "returned no value" },
        { "inconclusive", "rating inconclusive" },
        { "no-threshold", "no min/max in the case and no interpretation" },
    };

    [Theory]
    [MemberData(nameof(Undecided))]
    public async Task An_error_diagnostic_a_missing_value_or_an_inconclusive_rating_is_an_infrastructure_error(string how, string fragment)
    {
        var evaluator = new ScriptedMetricEvaluator(() =>
        {
            var metric = new NumericMetric("Score", how == "missing" ? null : 4.0);
            if (how == "error") metric.AddDiagnostics(EvaluationDiagnostic.Error("the service refused"));
            if (how == "inconclusive") metric.Interpretation = new EvaluationMetricInterpretation(EvaluationRating.Inconclusive);
            return metric;
        });
        var registry = EvaluatorRegistry.CreateDefault().RegisterEvaluator("scripted", evaluator, needsJudge: false);
        var threshold = how == "no-threshold" ? "" : ", min: 3";
        var loaded = Assert.Single(Load(registry, "{type: evaluator, name: scripted, metric: Score" + threshold + "}").CasesOrThrow());

        var result = await Score(registry, loaded, Trial.Answer("anything"));
        Assert.True(result.InfraError, result.Reason);
        Assert.False(result.Passed);
        Assert.Contains(fragment, result.Reason);
    }

    [Fact]
    public async Task The_evaluators_own_interpretation_decides_when_the_case_sets_no_bounds()
    {
        var evaluator = new ScriptedMetricEvaluator(() => new NumericMetric("Score", 2.0)
        {
            Interpretation = new EvaluationMetricInterpretation(EvaluationRating.Poor, failed: true, "too vague"),
        });
        var registry = EvaluatorRegistry.CreateDefault().RegisterEvaluator("scripted", evaluator, needsJudge: false);
        var loaded = Assert.Single(Load(registry, "{type: evaluator, name: scripted}").CasesOrThrow());
        var result = await Score(registry, loaded, Trial.Answer("anything"));
        Assert.False(result.Passed);
        Assert.False(result.InfraError);
        Assert.Contains("rated Poor", result.Reason);
    }
}
