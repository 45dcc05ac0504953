using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.Evaluation;

/// <summary>The list, negated, length and emptiness assertions promptfoo users write.</summary>
public sealed class ListAndLengthEvaluatorTests
{
    private const string Refund = "Our refund window is 30 days from delivery.";

    private static async Task<bool> Passes(string type, string args, string output) => (await Check.Evaluate(type, args, Trial.Answer(output))).Passed;

    [Theory]
    [InlineData("contains-any", """{"values":["14 days","30 days"]}""", true)]
    [InlineData("contains-any", """{"values":["14 days","REFUND"]}""", false)]
    [InlineData("contains-all", """{"values":["refund","30 days"]}""", true)]
    [InlineData("contains-all", """{"values":["refund","14 days"]}""", false)]
    [InlineData("icontains-any", """{"values":["REFUND","x"]}""", true)]
    [InlineData("icontains-all", """{"values":["REFUND","DELIVERY"]}""", true)]
    [InlineData("icontains-all", """{"values":["REFUND","pickup"]}""", false)]
    [InlineData("not-contains-any", """{"values":["14 days","pickup"]}""", true)]
    [InlineData("not-contains-any", """{"values":["14 days","30 days"]}""", false)]
    [InlineData("not-contains-all", """{"values":["refund","pickup"]}""", true)]
    [InlineData("not-contains-all", """{"values":["refund","30 days"]}""", false)]
    [InlineData("not-icontains-any", """{"values":["REFUND"]}""", false)]
    [InlineData("not-icontains-all", """{"values":["REFUND","pickup"]}""", true)]
    [InlineData("not-icontains", """{"value":"REFUND"}""", false)]
    [InlineData("not-icontains", """{"value":"pickup"}""", true)]
    [InlineData("not-starts-with", """{"value":"Our"}""", false)]
    [InlineData("not-regex", """{"pattern":"\\d+ days"}""", false)]
    [InlineData("not-regex", """{"pattern":"\\d+ weeks"}""", true)]
    [InlineData("min-length", """{"value":10}""", true)]
    [InlineData("min-length", """{"value":100}""", false)]
    [InlineData("max-length", """{"value":43}""", true)]
    [InlineData("max-length", """{"value":42}""", false)]
    [InlineData("not-equals", """{"value":"Our refund window is 30 days from delivery."}""", false)]
    [InlineData("not-equals", """{"value":"Something else"}""", true)]
    public async Task Each_form_holds_exactly_when_promptfoo_says_it_does(string type, string args, bool expected) =>
        Assert.Equal(expected, await Passes(type, args, Refund));

    [Fact]
    public async Task A_failed_contains_all_names_what_is_missing()
    {
        var result = await Check.Evaluate("contains-all", """{"values":["refund","14 days","pickup"]}""", Trial.Answer(Refund));
        Assert.StartsWith("expected to contain all of 'refund', '14 days', 'pickup'; missing: '14 days', 'pickup'", result.Reason);
    }

    [Fact]
    public async Task Equals_on_a_number_compares_numerically_and_on_an_object_as_json()
    {
        Assert.True(await Passes("equals", """{"value":42}""", " 42.0\n"));
        Assert.False(await Passes("equals", """{"value":42}""", "42.5"));
        Assert.True(await Passes("not-equals", """{"value":42}""", "43"));
        Assert.False(await Passes("not-equals", """{"value":42}""", "42.00"));
        Assert.True(await Passes("equals", """{"value":{"status":"shipped","n":2}}""", """{"n": 2.0, "status": "shipped"}"""));
        Assert.False(await Passes("equals", """{"value":{"status":"shipped"}}""", """{"status": "lost"}"""));
    }

    [Fact]
    public async Task Not_empty_fails_on_whitespace_and_is_refusal_passes_on_a_refusal_or_nothing()
    {
        Assert.False(await Passes("not-empty", "{}", "  \n"));
        Assert.True(await Passes("not-empty", "{}", "ok"));
        Assert.True(await Passes("is-refusal", "{}", "I'm sorry, but I can't share passwords."));
        Assert.True(await Passes("is-refusal", "{}", ""));
        Assert.False(await Passes("is-refusal", "{}", Refund));
    }

    [Fact]
    public void Bad_fields_are_refused_at_load_at_the_assertion()
    {
        Check.SingleProblem("contains-any", """{"values":[]}""", "values", "at least one");
        Check.SingleProblem("contains-all", "{}", "values", "missing");
        Check.SingleProblem("icontains-any", """{"values":["a",""]}""", "values[1]", "must not be empty");
        Check.SingleProblem("min-length", """{"value":-1}""", "value", "at least 0");
        Check.SingleProblem("max-length", """{"value":2.5}""", "value", "whole number");
        Check.SingleProblem("not-empty", """{"value":"x"}""", "value", "unknown field");
        Check.SingleProblem("not-regex", """{"pattern":"("}""", "pattern", "does not compile");
    }

    [Fact]
    public async Task Tools_call_is_valid_only_with_a_known_tool_and_arguments_matching_its_schema()
    {
        var tool = new AgentOps.Evals.Cases.MockTool("get_order_status", "Look up an order",
            System.Text.Json.Nodes.JsonNode.Parse("""{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}""")!.AsObject(), null);
        async Task<AssertionResult> Run(Trial trial)
        {
            var context = trial.ToContext();
            context = context with { Case = context.Case with { Input = context.Case.Input with { Tools = [tool] } } };
            return await Check.Bind("is-valid-openai-tools-call", "{}").EvaluateAsync(context, CancellationToken.None);
        }
        Assert.True((await Run(Trial.Calls(("get_order_status", """{"order_id":"A-1"}""")))).Passed);
        Assert.Contains("do not match", (await Run(Trial.Calls(("get_order_status", """{"order":"A-1"}""")))).Reason);
        Assert.Contains("no tool of that name", (await Run(Trial.Calls(("refund", "{}")))).Reason);
        Assert.Contains("expected tool calls", (await Run(Trial.Answer("Your order shipped."))).Reason);
        Assert.True((await Run(Trial.Answer("""[{"type":"function","function":{"name":"get_order_status","arguments":"{\"order_id\":\"A-9\"}"}}]"""))).Passed);
    }
}
