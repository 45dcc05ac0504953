namespace AgentOps.Evals.Tests.Evaluation;

public class StructureEvaluatorTests
{
    private const string Order = """{"order":{"id":"A-1001","total":42.50,"items":[{"sku":"X1","qty":2},{"sku":"Y7","qty":1}],"gift":null}}""";
    private const string Fenced = "Here is the order:\n```json\n" + Order + "\n```\nAnything else?";

    [Theory]
    [InlineData(Order)]
    [InlineData(Fenced)]
    [InlineData("  [1, 2, 3]  ")]
    [InlineData("42")]
    public async Task IsJson_accepts_json_or_a_json_fence(string output) =>
        Assert.True((await Check.Evaluate("is-json", "{}", Trial.Answer(output))).Passed);

    [Fact]
    public async Task IsJson_failure_says_why()
    {
        var prose = await Check.Evaluate("is-json", "{}", Trial.Answer("Sure! The order total is 42.50."));
        Assert.False(prose.Passed);
        Assert.Equal("expected JSON; not JSON and has no ```json block; response began: 'Sure! The order total is 42.50.'", prose.Reason);

        var broken = await Check.Evaluate("is-json", "{}", Trial.Answer("""{"order": {"id": "A-1001",}}"""));
        Assert.False(broken.Passed);
        Assert.StartsWith("expected JSON; not valid JSON: ", broken.Reason);

        var badFence = await Check.Evaluate("is-json", "{}", Trial.Answer("Here:\n```json\n{\"a\": }\n```"));
        Assert.False(badFence.Passed);
        Assert.StartsWith("expected JSON; the ```json block does not parse: ", badFence.Reason);
    }

    private const string OrderSchema = """
        {"schema":{"type":"object","required":["order"],"properties":{"order":{"type":"object","required":["id","total"],
          "properties":{"id":{"type":"string","pattern":"^A-\\d+$"},"total":{"type":"number"}}}}}}
        """;

    [Fact]
    public async Task JsonSchema_passes_for_a_matching_document_in_a_fence()
    {
        var result = await Check.Evaluate("json-schema", OrderSchema, Trial.Answer(Fenced));
        Assert.True(result.Passed, result.Reason);
    }

    [Fact]
    public async Task JsonSchema_failure_lists_errors_with_paths()
    {
        var result = await Check.Evaluate("json-schema", OrderSchema, Trial.Answer("""{"order":{"id":"B-9","total":"lots"}}"""));
        Assert.False(result.Passed);
        Assert.StartsWith("does not match the schema: 2 errors: ", result.Reason);
        Assert.Contains("PatternMismatch at #/order.id", result.Reason);
        Assert.Contains("NumberExpected at #/order.total", result.Reason);
        Assert.Contains("JSON began: '{\"order\"", result.Reason);
    }

    [Fact]
    public async Task JsonSchema_on_prose_says_there_is_no_json()
    {
        var result = await Check.Evaluate("json-schema", OrderSchema, Trial.Answer("I could not find the order."));
        Assert.False(result.Passed);
        Assert.StartsWith("expected JSON matching the schema; not JSON and has no ```json block;", result.Reason);
    }

    [Theory]
    [InlineData("$.order.id", "\"A-1001\"")]
    [InlineData("$.order.total", "42.5")]
    [InlineData("$.order.total", "\"42.50\"")]
    [InlineData("$['order']['items'][0].sku", "\"X1\"")]
    [InlineData("$.order.items[-1].qty", "1")]
    [InlineData("$.order.items[*].sku", "[\"X1\",\"Y7\"]")]
    [InlineData("$.order.items[1]", "{\"qty\":1.0,\"sku\":\"Y7\"}")]
    [InlineData("$.order.gift", "null")]
    public async Task JsonPath_equals_compares_json_values(string path, string expected)
    {
        var result = await Check.Evaluate("json-path", $$"""{"path":"{{path}}","equals":{{expected}}}""", Trial.Answer(Fenced));
        Assert.True(result.Passed, result.Reason);
    }

    [Fact]
    public async Task JsonPath_mismatch_shows_what_was_found()
    {
        var result = await Check.Evaluate("json-path", """{"path":"$.order.items[0].qty","equals":3}""", Trial.Answer(Order));
        Assert.False(result.Passed);
        Assert.Equal("expected $.order.items[0].qty to equal 3; found 2", result.Reason);

        var typed = await Check.Evaluate("json-path", """{"path":"$.order.id","equals":1001}""", Trial.Answer(Order));
        Assert.False(typed.Passed);
        Assert.Equal("expected $.order.id to equal 1001; found \"A-1001\"", typed.Reason);
    }

    [Fact]
    public async Task JsonPath_missing_path_says_where_the_trail_ended()
    {
        var result = await Check.Evaluate("json-path", """{"path":"$.order.customer.email","equals":"x@example.com"}""", Trial.Answer(Order));
        Assert.False(result.Passed);
        Assert.Equal("$.order.customer.email not found: 'customer' matched nothing in $.order, which is an object with keys id, total, items, gift", result.Reason);
    }

    [Theory]
    [InlineData("""{"equals":1}""", "path", "missing; expected a string")]
    [InlineData("""{"path":"order.id","equals":1}""", "path", "must start with '$'")]
    [InlineData("""{"path":"$..id","equals":1}""", "path", "recursive descent")]
    [InlineData("""{"path":"$.items[abc]","equals":1}""", "path", "expected an index")]
    [InlineData("""{"path":"$.items[0","equals":1}""", "path", "expected ']'")]
    [InlineData("""{"path":"$.order.id"}""", "equals", "missing")]
    public void JsonPath_bad_fields_are_problems(string args, string field, string fragment) =>
        Check.SingleProblem("json-path", args, field, fragment);

    [Theory]
    [InlineData("{}", "schema", "missing; expected an object")]
    [InlineData("""{"schema":"object"}""", "schema", "expected an object, found the string 'object'")]
    [InlineData("""{"schema":{"type":"object","properties":{"id":{"$ref":"#/definitions/missing"}}}}""", "schema", "is not a valid JSON Schema")]
    public void JsonSchema_bad_fields_are_problems(string args, string field, string fragment) =>
        Check.SingleProblem("json-schema", args, field, fragment);

    [Fact]
    public void IsJson_takes_no_fields()
    {
        Check.SingleProblem("is-json", """{"value":"x"}""", "value", "unknown field for 'is-json'; expected no fields");
        Assert.Empty(Check.Validate("is-json", """{"description":"the answer is machine-readable"}"""));
    }
}
