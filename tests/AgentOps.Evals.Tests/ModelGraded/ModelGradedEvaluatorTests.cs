using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Evaluation.ModelGraded;
using AgentOps.Evals.Judging;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.ModelGraded;

public sealed class ModelGradedEvaluatorTests
{
    private const string Rubric = """{"rubric": "States the 14-day EU withdrawal right"}""";

    [Fact]
    public async Task An_unparseable_judge_is_an_infrastructure_error_after_exactly_one_repair_retry()
    {
        var judge = new ScriptedChatClient((_, _, _) => ScriptedChatClient.Text("I think it is pretty good overall."));
        var result = await JudgeTrial.Evaluate("llm-rubric", Rubric, JudgeTrial.Context("14 days", judge));
        Assert.True(result.InfraError);
        Assert.False(result.Passed);
        Assert.Contains("could not be read after one repair retry", result.Reason);
        Assert.Equal(2, judge.Calls);
    }

    [Fact]
    public async Task A_repair_retry_that_answers_in_json_is_used()
    {
        string? repairPrompt = null;
        var judge = new ScriptedChatClient((messages, _, call) =>
        {
            if (call == 1) return ScriptedChatClient.Text("Score: excellent!");
            repairPrompt = messages.Last().Text;
            Assert.Equal(ChatRole.Assistant, messages[^2].Role);
            return ScriptedChatClient.Text("""{"reasoning":"states 14 days","score":5}""");
        });
        var result = await JudgeTrial.Evaluate("llm-rubric", Rubric, JudgeTrial.Context("14 days", judge));
        Assert.True(result.Passed);
        Assert.Equal(5, result.Score);
        Assert.Contains("no JSON object", repairPrompt);
        Assert.Contains("\"score\": <integer 1 to 5>", repairPrompt);
    }

    [Fact]
    public async Task An_unparseable_judge_makes_the_trial_an_infrastructure_error_never_a_pass_or_fail()
    {
        var judge = new ScriptedChatClient((_, _, _) => ScriptedChatClient.Text("¯\\_(ツ)_/¯"));
        var plan = Plan(judge, JudgeTrial.Spec("llm-rubric", Rubric));
        await using var store = new InMemoryResultStore();
        await new EvalRunner().RunAsync(plan, store);
        var trial = Assert.Single(await store.GetTrialsAsync("run-1"));
        Assert.Equal(TrialOutcome.InfraError, trial.Outcome);
        Assert.Equal("judge-error", trial.ErrorKind);
        Assert.Contains("llm-rubric: the judge's reply could not be read", trial.Error);
    }

    [Fact]
    public async Task Without_a_judge_the_assertion_is_an_infrastructure_error()
    {
        var result = await JudgeTrial.Evaluate("equivalence", """{"value": "14 days"}""", JudgeTrial.Context("14 days", judge: null));
        Assert.True(result.InfraError);
        Assert.Equal(LlmRubricEvaluator.NoJudgeReason, result.Reason);
    }

    [Fact]
    public async Task A_failing_judge_call_is_an_infrastructure_error()
    {
        var judge = new ScriptedChatClient((_, _, _) => throw new InfrastructureException("rate-limited", "rate-limited after 5 attempts: 429"));
        var result = await JudgeTrial.Evaluate("llm-rubric", Rubric, JudgeTrial.Context("14 days", judge));
        Assert.True(result.InfraError);
        Assert.Contains("the judge call failed: rate-limited after 5 attempts", result.Reason);
    }

    [Fact]
    public async Task Judge_cost_is_kept_apart_from_the_candidates_cost()
    {
        var inner = new ScriptedChatClient((_, _, _) =>
        {
            var response = ScriptedChatClient.Text("""{"reasoning":"ok","score":5}""", input: 1_000_000, output: 0);
            response.ModelId = "gpt-4.1";
            return response;
        });
        var judge = new JudgeChatClient(new CostMeteringChatClient(inner, new Dictionary<string, ModelPrice> { ["gpt-4.1"] = new(2m, 8m) }), "gpt-4.1", JudgePrompts.Default);
        await using var store = new InMemoryResultStore();
        await new EvalRunner().RunAsync(Plan(judge, JudgeTrial.Spec("llm-rubric", Rubric)), store);
        var trial = Assert.Single(await store.GetTrialsAsync("run-1"));
        Assert.Equal(TrialOutcome.Passed, trial.Outcome);
        Assert.Equal(2m, trial.Usage.JudgeCostUsd);
        Assert.Equal(0.01m, trial.Usage.CostUsd);
    }

    [Fact]
    public async Task Judge_calls_carry_their_trial_as_a_judge_context()
    {
        TrialContext? seen = null;
        var judge = new ScriptedChatClient((_, options, _) =>
        {
            seen = TrialContext.From(options);
            return ScriptedChatClient.Text("""{"reasoning":"ok","score":5}""");
        });
        await JudgeTrial.Evaluate("llm-rubric", Rubric, JudgeTrial.Context("14 days", judge));
        Assert.NotNull(seen);
        Assert.Equal(("refunds-eu-012", 2, "prod", ChatClientFactory.JudgeCassette), (seen.Case.Id, seen.TrialIndex, seen.Candidate.Name, seen.Cassette));
        Assert.Same(seen.JudgeSpend, seen.Usage);
    }

    [Theory]
    [InlineData("gpt-5-mini", null)]
    [InlineData("o3-mini", null)]
    [InlineData("gpt-4.1", 0f)]
    public async Task Reasoning_models_get_no_temperature_and_no_max_tokens(string model, float? temperature)
    {
        ChatOptions? seen = null;
        var inner = new ScriptedChatClient((_, options, _) =>
        {
            seen = options;
            return ScriptedChatClient.Text("""{"reasoning":"ok","score":5}""");
        });
        await JudgeTrial.Evaluate("llm-rubric", Rubric, JudgeTrial.Context("14 days", new JudgeChatClient(inner, model, JudgePrompts.Default)));
        Assert.NotNull(seen);
        Assert.Equal(model, seen.ModelId);
        Assert.Equal(temperature, seen.Temperature);
        Assert.Null(seen.MaxOutputTokens);
        var format = Assert.IsType<ChatResponseFormatJson>(seen.ResponseFormat);
        Assert.Contains("\"score\"", format.Schema!.Value.GetRawText());
    }

    [Fact]
    public async Task A_teams_prompt_override_replaces_the_shipped_instructions_but_not_the_framing()
    {
        IList<ChatMessage>? seen = null;
        var inner = new ScriptedChatClient((messages, _, _) =>
        {
            seen = messages;
            return ScriptedChatClient.Text("""{"reasoning":"ok","verdict":"pass"}""");
        });
        var judge = new JudgeChatClient(inner, "gpt-4.1", JudgePrompts.With(new Dictionary<string, string> { ["equivalence"] = "House rules: be strict about dates." }));
        await JudgeTrial.Evaluate("equivalence", """{"value": "14 days"}""", JudgeTrial.Context("fourteen <b>days</b>", judge));
        Assert.Equal("House rules: be strict about dates.", seen![0].Text);
        Assert.Contains("<expected>\n14 days\n</expected>", seen[1].Text);
        Assert.Contains("<response>\nfourteen &lt;b&gt;days&lt;/b&gt;\n</response>", seen[1].Text);
    }

    [Fact]
    public void Shipped_prompts_exist_for_every_model_graded_type()
    {
        foreach (var type in new[] { "llm-rubric", "equivalence", "groundedness", "tool-use-judgement" })
        {
            Assert.Contains("DATA", JudgePrompts.Default.For(type));
            Assert.True(EvaluatorRegistry.CreateDefault().TryGet(type, out _), type);
        }
        Assert.Contains("{{shape}}", JudgePrompts.Default.For("repair"));
    }

    [Fact]
    public async Task Groundedness_frames_the_context_and_needs_one()
    {
        string? seen = null;
        var judge = new ScriptedChatClient((messages, _, _) =>
        {
            seen = messages.Last().Text;
            return ScriptedChatClient.Text("""{"reasoning":"supported","verdict":"fail"}""");
        });
        var grounded = JudgeTrial.Case(context: ["EU withdrawal right: 14 days from delivery."]);
        var result = await JudgeTrial.Evaluate("groundedness", "{}", JudgeTrial.Context("30 days", judge, grounded));
        Assert.False(result.Passed);
        Assert.False(result.InfraError);
        Assert.Contains("<context>\nEU withdrawal right: 14 days from delivery.\n</context>", seen);

        var ungrounded = await JudgeTrial.Evaluate("groundedness", "{}", JudgeTrial.Context("30 days", judge, JudgeTrial.Case()));
        Assert.True(ungrounded.InfraError);
        Assert.Contains("no input.context", ungrounded.Reason);
    }

    [Fact]
    public async Task Tool_use_judgement_shows_the_judge_the_calls_and_their_results()
    {
        string? seen = null;
        var judge = new ScriptedChatClient((messages, _, _) =>
        {
            seen = messages.Last().Text;
            return ScriptedChatClient.Text("""{"reasoning":"looked up the right order","verdict":"pass"}""");
        });
        var withTool = JudgeTrial.Case(tools: [TestCases.OrderTool()]);
        var calls = new[] { new ToolCallRecord(0, "get_order_status", """{"order_id":"A-1001"}""", """{"status":"delivered"}""") };
        var result = await JudgeTrial.Evaluate("tool-use-judgement", """{"criteria": "Never look up another customer's order"}""", JudgeTrial.Context("Delivered.", judge, withTool, calls));
        Assert.True(result.Passed);
        Assert.Contains("judge verdict: pass: looked up the right order", result.Reason);
        Assert.Contains("get_order_status({\"order_id\":\"A-1001\"}) → {\"status\":\"delivered\"}", seen);
        Assert.Contains("<criteria>\nNever look up another customer's order\n</criteria>", seen);
    }

    [Theory]
    [InlineData("llm-rubric", "{}", "rubric", "missing")]
    [InlineData("llm-rubric", """{"rubric": "x", "scale": "1-10"}""", "scale", "expected 1-5 or pass-fail")]
    [InlineData("llm-rubric", """{"rubric": "x", "scale": "pass-fail", "min-score": 3}""", "min-score", "pass-fail rubric has no score")]
    [InlineData("llm-rubric", """{"rubric": "x", "min-score": 9}""", "min-score", "between 1 and 5")]
    [InlineData("equivalence", "{}", "value", "missing")]
    [InlineData("groundedness", """{"value": "x"}""", "value", "unknown field")]
    public void Bad_fields_are_reported_at_load_time(string type, string args, string field, string fragment)
    {
        Assert.True(EvaluatorRegistry.CreateDefault().TryGet(type, out var evaluator));
        var problem = Assert.Single(evaluator.Validate(JudgeTrial.Spec(type, args)));
        Assert.Equal(field, problem.Field);
        Assert.Contains(fragment, problem.Message);
    }

    private static RunPlan Plan(IChatClient judge, AssertionSpec spec) => new()
    {
        Run = new RunInfo { RunId = "run-1", Candidate = new CandidateIdentity("prod", "m", "abcd1234", "test", "0.1.0"), K = 1, GoldenSetRevision = "rev", StartedAt = DateTimeOffset.UnixEpoch },
        Cases = [TestCases.Make("refunds-eu-012", expect: spec)],
        Target = new FixedTarget("In the EU you have 14 days."),
        Evaluators = EvaluatorRegistry.CreateDefault(),
        Judge = judge,
    };

    private sealed class FixedTarget(string output) : ITarget
    {
        public Task<TargetResponse> RespondAsync(TrialRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new TargetResponse(output, Trajectory.Empty, new TokenUsage(100, 20, 0.01m), 500, "stop", "m"));
    }
}
