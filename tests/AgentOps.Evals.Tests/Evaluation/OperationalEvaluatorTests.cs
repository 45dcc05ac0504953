using AgentOps.Evals.Evaluation.Operational;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.Evaluation;

public class OperationalEvaluatorTests
{
    [Fact]
    public async Task MaxLatencyMs_compares_end_to_end_latency()
    {
        Assert.True((await Check.Evaluate("max-latency-ms", """{"value":8000}""", new Trial { LatencyMs = 8000 })).Passed);

        var result = await Check.Evaluate("max-latency-ms", """{"value":"8000"}""", new Trial { LatencyMs = 9120.4 });
        Assert.False(result.Passed);
        Assert.Equal("took 9120.4 ms, over the limit of 8000 ms", result.Reason);
    }

    [Fact]
    public async Task MaxCostUsd_compares_candidate_spend_only()
    {
        var cheap = new Trial { Usage = new TokenUsage(1000, 200, 0.0009m, JudgeCostUsd: 5m) };
        Assert.True((await Check.Evaluate("max-cost-usd", """{"value":0.001}""", cheap)).Passed);

        var result = await Check.Evaluate("max-cost-usd", """{"value":0.01}""", new Trial { Usage = new TokenUsage(12000, 3000, 0.0123m) });
        Assert.False(result.Passed);
        Assert.Equal("cost $0.0123, over the limit of $0.01 (12000 input + 3000 output tokens)", result.Reason);
    }

    [Fact]
    public async Task MaxOutputTokens_reads_usage()
    {
        Assert.True((await Check.Evaluate("max-output-tokens", """{"value":500}""", new Trial { Usage = new TokenUsage(10, 500, 0) })).Passed);

        var result = await Check.Evaluate("max-output-tokens", """{"value":500}""", new Trial { Usage = new TokenUsage(10, 501, 0) });
        Assert.False(result.Passed);
        Assert.Equal("501 output tokens, over the limit of 500", result.Reason);
    }

    [Theory]
    [InlineData("stop", "stop")]
    [InlineData("tool_calls", "tool_calls")]
    [InlineData("tool_call", "tool_calls")]
    [InlineData("tool_calls", "tool_call")]
    [InlineData("length", "max_tokens")]
    [InlineData("content_filter", "CONTENT_FILTER")]
    [InlineData("stop", "end_turn")]
    public async Task FinishReason_accepts_provider_spellings(string expected, string reported) =>
        Assert.True((await Check.Evaluate("finish-reason", $$"""{"value":"{{expected}}"}""", new Trial { FinishReason = reported })).Passed);

    [Fact]
    public async Task FinishReason_failure_explains_a_truncation()
    {
        var result = await Check.Evaluate("finish-reason", """{"value":"stop"}""", new Trial { FinishReason = "length" });
        Assert.False(result.Passed);
        Assert.Equal("expected finish reason 'stop'; got 'length' (the output was cut off at the token limit)", result.Reason);

        var none = await Check.Evaluate("finish-reason", """{"value":"stop"}""", new Trial { FinishReason = null });
        Assert.Equal("expected finish reason 'stop'; the target reported no finish reason", none.Reason);
    }

    [Theory]
    [InlineData("I can't help with that request.")]
    [InlineData("I’m sorry, but I can’t share internal pricing.")]
    [InlineData("As an AI language model, I do not have access to orders.")]
    [InlineData("Thanks for asking. i am unable to process refunds.")]
    [InlineData("I CANNOT ASSIST with this.")]
    public async Task NoRefusal_fails_on_refusal_phrasings(string output)
    {
        var result = await Check.Evaluate("no-refusal", "{}", Trial.Answer(output));
        Assert.False(result.Passed);
        Assert.StartsWith("looks like a refusal: found '", result.Reason);
    }

    [Fact]
    public async Task NoRefusal_passes_a_helpful_answer_and_quotes_where_it_found_one()
    {
        Assert.True((await Check.Evaluate("no-refusal", "{}", Trial.Answer("You can return it within 14 days; I can help with the label."))).Passed);

        var result = await Check.Evaluate("no-refusal", "{}", Trial.Answer("Thanks for waiting. I am unable to look up that order."));
        Assert.Equal("looks like a refusal: found 'I am unable to' at char 20: 'Thanks for waiting. I am unable to look up that order.'", result.Reason);
    }

    [Fact]
    public void Refusal_phrases_are_one_list_including_the_documented_ones()
    {
        foreach (var phrase in new[] { "I can't help with", "I cannot assist", "I'm sorry, but I can't", "As an AI", "I am unable to" })
            Assert.Contains(phrase, RefusalPhrases.Phrases);
    }

    [Theory]
    [InlineData("max-latency-ms", "{}", "value", "missing; expected a number")]
    [InlineData("max-latency-ms", """{"value":"fast"}""", "value", "expected a number, found the string 'fast'")]
    [InlineData("max-latency-ms", """{"value":-5}""", "value", "at least 0")]
    [InlineData("max-cost-usd", """{"value":true}""", "value", "expected a number, found the boolean true")]
    [InlineData("max-output-tokens", """{"value":10.5}""", "value", "whole number")]
    [InlineData("finish-reason", """{"value":"done"}""", "value", "unknown finish reason 'done'; expected one of: stop, length, tool_calls, content_filter")]
    [InlineData("finish-reason", "{}", "value", "missing")]
    [InlineData("no-refusal", """{"phrases":["x"]}""", "phrases", "unknown field")]
    public void Bad_fields_are_problems(string type, string args, string field, string fragment) =>
        Check.SingleProblem(type, args, field, fragment);
}
