using System.Text.Json.Nodes;
using AgentOps.Evals.Evaluation.Meai;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AgentOps.Evals.Tests.Evaluation.Meai;

/// <summary>Our built-in assertions used from plain Microsoft.Extensions.AI.Evaluation code, without a case file or a run.</summary>
public sealed class BuiltInAsMeaiEvaluatorTests
{
    private static readonly ChatMessage[] Question = [new(ChatRole.User, "Can I send my order back after 30 days? I live in Germany.")];

    [Fact]
    public async Task Contains_returns_a_boolean_metric_with_an_interpretation()
    {
        IEvaluator evaluator = AssertionEvaluators.Contains("14 days");
        var pass = await evaluator.EvaluateAsync(Question, new ChatResponse(new ChatMessage(ChatRole.Assistant, "You have 14 days.")));
        var metric = pass.Get<BooleanMetric>("contains");
        Assert.True(metric.Value);
        Assert.Equal(EvaluationRating.Good, metric.Interpretation!.Rating);
        Assert.False(metric.Interpretation.Failed);

        var fail = (await evaluator.EvaluateAsync(Question, new ChatResponse(new ChatMessage(ChatRole.Assistant, "You have 30 days.")))).Get<BooleanMetric>("contains");
        Assert.False(fail.Value);
        Assert.True(fail.Interpretation!.Failed);
        Assert.Contains("expected to contain '14 days'", fail.Reason);
    }

    [Fact]
    public async Task Tool_called_reads_function_call_contents_of_the_response()
    {
        var response = new ChatResponse(
        [
            new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "get_order_status", new Dictionary<string, object?> { ["order_id"] = "A-1001" })]),
            new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c1", """{"status":"shipped"}""")]),
            new ChatMessage(ChatRole.Assistant, "It shipped."),
        ]);
        var hit = await AssertionEvaluators.ToolCalled("get_order_status", new JsonObject { ["order_id"] = "A-1001" }).EvaluateAsync(Question, response);
        Assert.True(hit.Get<BooleanMetric>("tool-called").Value);
        var miss = await AssertionEvaluators.ToolCalled("get_order_status", new JsonObject { ["order_id"] = "B-2" }).EvaluateAsync(Question, response);
        Assert.False(miss.Get<BooleanMetric>("tool-called").Value);
    }

    [Fact]
    public async Task A_model_graded_assertion_uses_the_chat_configuration_as_judge_and_reports_no_judge_as_an_error()
    {
        var judge = new ScriptedChatClient((_, _, _) => ScriptedChatClient.Text("""{"reasoning":"states the 14-day right","score":5}"""));
        var evaluator = AssertionEvaluators.LlmRubric("States the 14-day EU withdrawal right");
        var answer = new ChatResponse(new ChatMessage(ChatRole.Assistant, "In the EU you have 14 days."));

        var judged = (await evaluator.EvaluateAsync(Question, answer, new ChatConfiguration(judge))).Get<BooleanMetric>("llm-rubric");
        Assert.True(judged.Value, judged.Reason);
        Assert.Equal("5", judged.Metadata!["score"]);

        var unjudged = (await evaluator.EvaluateAsync(Question, answer)).Get<BooleanMetric>("llm-rubric");
        Assert.Null(unjudged.Value);
        Assert.Contains(unjudged.Diagnostics!, d => d.Severity == EvaluationDiagnosticSeverity.Error && d.Message.Contains("no judge configured"));
    }

    [Fact]
    public void Bad_fields_are_refused_when_the_evaluator_is_built()
    {
        var error = Assert.Throws<ArgumentException>(() => AssertionEvaluators.Regex("(unclosed"));
        Assert.Contains("pattern", error.Message);
        Assert.Throws<ArgumentException>(() => AssertionEvaluator.Create("containz", new JsonObject()));
    }
}
