namespace AgentOps.Evals.Tests.Evaluation;

public class ToolEvaluatorTests
{
    private static readonly Trial LookupThenRefund = Trial.Calls(
        ("search_kb", """{"query":"refund policy EU"}"""),
        ("get_order_status", """{"order_id":"A-1001","include":{"items":true},"limit":5}"""),
        ("issue_refund", """{"order_id":"A-1001","amount":42.5}"""));

    [Theory]
    [InlineData("""{"name":"get_order_status"}""")]
    [InlineData("""{"name":"get_order_status","args":{"order_id":"A-1001"}}""")]
    [InlineData("""{"name":"get_order_status","args":{"limit":5.0,"include":{"items":true}}}""")]
    [InlineData("""{"name":"get_order_status","args":{"limit":"5"}}""")]
    [InlineData("""{"name":"issue_refund","args":{"amount":42.50}}""")]
    public async Task ToolCalled_passes_when_a_call_has_the_given_args(string args) =>
        Assert.True((await Check.Evaluate("tool-called", args, LookupThenRefund)).Passed);

    [Fact]
    public async Task ToolCalled_failure_names_the_wrong_argument_and_lists_calls()
    {
        var result = await Check.Evaluate("tool-called", """{"name":"get_order_status","args":{"order_id":"A-1002"}}""", LookupThenRefund);
        Assert.False(result.Passed);
        Assert.Equal(
            "expected a call to get_order_status with {\"order_id\":\"A-1002\"}; get_order_status was called but argument 'order_id' was \"A-1001\", expected \"A-1002\"; "
            + "calls made: search_kb({\"query\":\"refund policy EU\"}), get_order_status({\"order_id\":\"A-1001\",\"include\":{\"items\":true},\"limit\":5}), issue_refund({\"order_id\":\"A-1001\",\"amount\":42.5})",
            result.Reason);
    }

    [Fact]
    public async Task ToolCalled_distinguishes_strings_from_numbers_in_the_actual_call()
    {
        var trial = Trial.Calls(("get_order_status", """{"order_id":1001}"""));
        var result = await Check.Evaluate("tool-called", """{"name":"get_order_status","args":{"order_id":"A-1001"}}""", trial);
        Assert.False(result.Passed);
        Assert.Contains("argument 'order_id' was 1001, expected \"A-1001\"", result.Reason);
    }

    [Fact]
    public async Task ToolCalled_reports_a_missing_argument_and_a_tool_never_called()
    {
        var missing = await Check.Evaluate("tool-called", """{"name":"issue_refund","args":{"reason":"late"}}""", LookupThenRefund);
        Assert.Contains("issue_refund was called but argument 'reason' was missing", missing.Reason);

        var never = await Check.Evaluate("tool-called", """{"name":"escalate"}""", Trial.Answer("Hello"));
        Assert.False(never.Passed);
        Assert.Equal("expected a call to escalate; escalate was never called; no tools were called", never.Reason);
    }

    [Fact]
    public async Task ToolCalled_survives_malformed_arguments()
    {
        var trial = Trial.Calls(("get_order_status", "{order_id: A-1001"));
        var result = await Check.Evaluate("tool-called", """{"name":"get_order_status","args":{"order_id":"A-1001"}}""", trial);
        Assert.False(result.Passed);
        Assert.Contains("its arguments are not valid JSON: '{order_id: A-1001'", result.Reason);
    }

    [Fact]
    public async Task ToolNotCalled_lists_the_offending_calls()
    {
        Assert.True((await Check.Evaluate("tool-not-called", """{"name":"escalate"}""", LookupThenRefund)).Passed);

        var result = await Check.Evaluate("tool-not-called", """{"name":"issue_refund"}""", LookupThenRefund);
        Assert.False(result.Passed);
        Assert.Equal("expected no call to issue_refund; it was called once: issue_refund({\"order_id\":\"A-1001\",\"amount\":42.5})", result.Reason);
    }

    [Fact]
    public async Task MaxToolCalls_counts_every_call()
    {
        Assert.True((await Check.Evaluate("max-tool-calls", """{"value":3}""", LookupThenRefund)).Passed);
        Assert.True((await Check.Evaluate("max-tool-calls", """{"value":"0"}""", Trial.Answer("hi"))).Passed);

        var result = await Check.Evaluate("max-tool-calls", """{"value":2}""", LookupThenRefund);
        Assert.False(result.Passed);
        Assert.Equal("made 3 tool calls; at most 2 allowed; calls made: search_kb → get_order_status → issue_refund", result.Reason);
    }

    [Theory]
    [InlineData("""["search_kb","issue_refund"]""")]
    [InlineData("""["get_order_status"]""")]
    [InlineData("""["search_kb","get_order_status","issue_refund"]""")]
    public async Task ToolOrder_accepts_a_subsequence(string names) =>
        Assert.True((await Check.Evaluate("tool-order", $$"""{"names":{{names}}}""", LookupThenRefund)).Passed);

    [Fact]
    public async Task ToolOrder_failure_says_where_the_order_broke()
    {
        var result = await Check.Evaluate("tool-order", """{"names":["get_order_status","search_kb"]}""", LookupThenRefund);
        Assert.False(result.Passed);
        Assert.Equal(
            "expected tool calls in order get_order_status → search_kb; matched get_order_status, but no call to search_kb came after get_order_status; calls made: search_kb → get_order_status → issue_refund",
            result.Reason);

        var never = await Check.Evaluate("tool-order", """{"names":["escalate","issue_refund"]}""", LookupThenRefund);
        Assert.Contains("escalate was never called", never.Reason);
    }

    [Theory]
    [InlineData("tool-called", "{}", "name", "missing")]
    [InlineData("tool-called", """{"name":"x","args":"order_id=1"}""", "args", "expected an object, found the string 'order_id=1'")]
    [InlineData("tool-called", """{"name":"x","arguments":{}}""", "arguments", "unknown field for 'tool-called'; expected one of: name, args")]
    [InlineData("tool-not-called", """{"name":""}""", "name", "must not be empty")]
    [InlineData("max-tool-calls", "{}", "value", "missing; expected a number")]
    [InlineData("max-tool-calls", """{"value":-1}""", "value", "at least 0")]
    [InlineData("max-tool-calls", """{"value":2.5}""", "value", "whole number")]
    [InlineData("tool-order", """{"names":"a,b"}""", "names", "expected a list of strings")]
    [InlineData("tool-order", """{"names":[]}""", "names", "at least one")]
    public void Bad_fields_are_problems(string type, string args, string field, string fragment) =>
        Check.SingleProblem(type, args, field, fragment);
}
