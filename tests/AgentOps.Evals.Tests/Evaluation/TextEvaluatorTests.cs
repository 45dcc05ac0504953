namespace AgentOps.Evals.Tests.Evaluation;

public class TextEvaluatorTests
{
    private const string Refund = "Our refund window is 30 days from delivery. After that, contact support.";

    [Fact]
    public async Task Contains_passes_when_present_and_quotes_the_response_when_not()
    {
        Assert.True((await Check.Evaluate("contains", """{"value":"30 days"}""", Trial.Answer(Refund))).Passed);

        var result = await Check.Evaluate("contains", """{"value":"14 days"}""", Trial.Answer(Refund));
        Assert.False(result.Passed);
        Assert.Equal($"expected to contain '14 days'; response began: '{Refund}'", result.Reason);
    }

    [Fact]
    public async Task Contains_is_case_sensitive_and_accepts_a_number_value()
    {
        Assert.False((await Check.Evaluate("contains", """{"value":"OUR REFUND"}""", Trial.Answer(Refund))).Passed);
        Assert.True((await Check.Evaluate("contains", """{"value":30}""", Trial.Answer(Refund))).Passed);
    }

    [Fact]
    public async Task Long_responses_are_quoted_to_120_characters_on_one_line()
    {
        var output = "Line one\n\n" + new string('x', 300);
        var result = await Check.Evaluate("contains", """{"value":"14 days"}""", Trial.Answer(output));
        var quoted = result.Reason[(result.Reason.IndexOf("began: '", StringComparison.Ordinal) + 8)..^1];
        Assert.StartsWith("Line one x", quoted);
        Assert.EndsWith("…", quoted);
        Assert.DoesNotContain('\n', quoted);
        Assert.True(quoted.Length <= 121, quoted);
    }

    [Fact]
    public async Task Quotes_never_split_a_surrogate_pair()
    {
        var output = new string('x', 119) + "😀 and more text after the emoji";
        var result = await Check.Evaluate("contains", """{"value":"14 days"}""", Trial.Answer(output));
        Assert.EndsWith(new string('x', 119) + "…'", result.Reason);
    }

    [Fact]
    public async Task Empty_response_is_said_to_be_empty()
    {
        var result = await Check.Evaluate("contains", """{"value":"14 days"}""", Trial.Answer(""));
        Assert.Equal("expected to contain '14 days'; response was empty", result.Reason);
    }

    [Fact]
    public async Task NotContains_points_at_the_offending_text()
    {
        Assert.True((await Check.Evaluate("not-contains", """{"value":"14 days"}""", Trial.Answer(Refund))).Passed);

        var result = await Check.Evaluate("not-contains", """{"value":"30 days"}""", Trial.Answer(Refund));
        Assert.False(result.Passed);
        Assert.StartsWith("expected not to contain '30 days'; found at char 21: '", result.Reason);
        Assert.Contains("30 days from delivery", result.Reason);
    }

    [Fact]
    public async Task IContains_ignores_case()
    {
        Assert.True((await Check.Evaluate("icontains", """{"value":"REFUND WINDOW"}""", Trial.Answer(Refund))).Passed);

        var result = await Check.Evaluate("icontains", """{"value":"withdrawal"}""", Trial.Answer(Refund));
        Assert.False(result.Passed);
        Assert.StartsWith("expected to contain 'withdrawal' (ignoring case); response began: 'Our refund", result.Reason);
    }

    [Fact]
    public async Task StartsWith_ignores_leading_whitespace_only()
    {
        Assert.True((await Check.Evaluate("starts-with", """{"value":"Our refund"}""", Trial.Answer("\n  " + Refund))).Passed);

        var result = await Check.Evaluate("starts-with", """{"value":"Yes"}""", Trial.Answer(Refund));
        Assert.False(result.Passed);
        Assert.StartsWith("expected to start with 'Yes'; response began: 'Our refund", result.Reason);
    }

    [Fact]
    public async Task Equals_trims_by_default_and_can_ignore_case()
    {
        Assert.True((await Check.Evaluate("equals", """{"value":"yes"}""", Trial.Answer("  yes\n"))).Passed);
        Assert.False((await Check.Evaluate("equals", """{"value":"yes","trim":false}""", Trial.Answer("  yes\n"))).Passed);
        Assert.False((await Check.Evaluate("equals", """{"value":"yes"}""", Trial.Answer("YES"))).Passed);
        Assert.True((await Check.Evaluate("equals", """{"value":"yes","ignore-case":true}""", Trial.Answer("YES"))).Passed);
        Assert.True((await Check.Evaluate("equals", """{"value":"yes","ignore-case":"true"}""", Trial.Answer("Yes"))).Passed);
    }

    [Fact]
    public async Task Equals_failure_names_the_first_difference()
    {
        var result = await Check.Evaluate("equals", """{"value":"Refund window: 14 days"}""", Trial.Answer("Refund window: 30 days"));
        Assert.False(result.Passed);
        Assert.Equal("expected to equal 'Refund window: 14 days' (first difference at char 15); response began: 'Refund window: 30 days'", result.Reason);
    }

    [Fact]
    public async Task Regex_matches_with_flags()
    {
        Assert.True((await Check.Evaluate("regex", """{"pattern":"\\b14\\s+days\\b"}""", Trial.Answer("within 14 days of delivery"))).Passed);
        Assert.False((await Check.Evaluate("regex", """{"pattern":"^within"}""", Trial.Answer("WITHIN 14 days"))).Passed);
        Assert.True((await Check.Evaluate("regex", """{"pattern":"^within","flags":"i"}""", Trial.Answer("WITHIN 14 days"))).Passed);
        Assert.True((await Check.Evaluate("regex", """{"pattern":"^days$","flags":"m"}""", Trial.Answer("14\ndays\nleft"))).Passed);
        Assert.True((await Check.Evaluate("regex", """{"pattern":"14.days","flags":"s"}""", Trial.Answer("14\ndays"))).Passed);
    }

    [Fact]
    public async Task Regex_failure_shows_the_pattern_and_the_response()
    {
        var result = await Check.Evaluate("regex", """{"pattern":"\\d+ days","flags":"i"}""", Trial.Answer("No deadline."));
        Assert.False(result.Passed);
        Assert.Equal(@"expected to match /\d+ days/i; response began: 'No deadline.'", result.Reason);
    }

    [Fact]
    public async Task Regex_timeout_is_a_failed_assertion_not_a_crash()
    {
        // Nested quantifiers on a near-miss input backtrack exponentially: 2^40 steps cannot finish in 10 ms.
        var result = await Check.Evaluate("regex", """{"pattern":"^(a+)+$","timeout-ms":10}""", Trial.Answer(new string('a', 40) + "!"));
        Assert.False(result.Passed);
        Assert.False(result.InfraError);
        Assert.Equal("regex timed out after 10 ms", result.Reason);
    }

    [Fact]
    public async Task OneOf_compares_the_trimmed_output_exactly()
    {
        Assert.True((await Check.Evaluate("one-of", """{"values":["approve","deny","escalate"]}""", Trial.Answer(" deny\n"))).Passed);

        var result = await Check.Evaluate("one-of", """{"values":["approve","deny"]}""", Trial.Answer("I would deny this."));
        Assert.False(result.Passed);
        Assert.Equal("expected one of 'approve', 'deny'; response was: 'I would deny this.'", result.Reason);
    }

    [Theory]
    [InlineData("contains", "{}", "value", "missing; expected a string")]
    [InlineData("contains", """{"value":""}""", "value", "must not be empty")]
    [InlineData("not-contains", """{"value":{"a":1}}""", "value", "expected a string, found an object")]
    [InlineData("icontains", """{"value":[1]}""", "value", "expected a string, found a list")]
    [InlineData("starts-with", "{}", "value", "missing")]
    [InlineData("equals", "{}", "value", "missing")]
    [InlineData("equals", """{"value":"x","trim":"maybe"}""", "trim", "expected true or false, found the string 'maybe'")]
    [InlineData("equals", """{"value":"x","ignore-case":3}""", "ignore-case", "expected true or false")]
    [InlineData("regex", """{"pattern":"(unclosed"}""", "pattern", "does not compile")]
    [InlineData("regex", """{"pattern":"a","flags":"iq"}""", "flags", "unknown flag 'q'")]
    [InlineData("regex", """{"pattern":"a","timeout-ms":0}""", "timeout-ms", "between 1 and 60000")]
    [InlineData("regex", """{"pattern":"a","timeout-ms":"soon"}""", "timeout-ms", "expected a number, found the string 'soon'")]
    [InlineData("one-of", """{"values":[]}""", "values", "at least one")]
    [InlineData("one-of", """{"values":"yes"}""", "values", "expected a list of strings")]
    [InlineData("one-of", """{"values":["a",{"b":1}]}""", "values[1]", "expected a string, found an object")]
    public void Bad_fields_are_problems(string type, string args, string field, string fragment) =>
        Check.SingleProblem(type, args, field, fragment);

    [Fact]
    public void Good_fields_have_no_problems()
    {
        Assert.Empty(Check.Validate("regex", """{"pattern":"\\d+","flags":"ims","timeout-ms":"250"}"""));
        Assert.Empty(Check.Validate("equals", """{"value":"","ignore-case":false,"trim":"false"}"""));
    }
}
