using System.Text.Json.Nodes;

namespace AgentOps.Evals.Evaluation.Meai;

/// <summary>Typed factories for every built-in assertion as an MEAI evaluator, for use from plain
/// Microsoft.Extensions.AI.Evaluation code: <c>await AssertionEvaluators.Contains("14 days").EvaluateAsync(messages, response)</c>.
/// <c>max-latency-ms</c>, <c>max-cost-usd</c> and <c>similar</c> are left out: a <c>ChatResponse</c> carries no latency,
/// price or embedding generator.</summary>
public static class AssertionEvaluators
{
    // text
    public static AssertionEvaluator EqualTo(string value, bool ignoreCase = false, bool trim = true) =>
        Make("equals", ("value", value), ("ignore-case", ignoreCase), ("trim", trim));
    public static AssertionEvaluator Contains(string value) => Make("contains", ("value", value));
    public static AssertionEvaluator NotContains(string value) => Make("not-contains", ("value", value));
    public static AssertionEvaluator IContains(string value) => Make("icontains", ("value", value));
    public static AssertionEvaluator StartsWith(string value) => Make("starts-with", ("value", value));
    public static AssertionEvaluator Regex(string pattern, string? flags = null) => Make("regex", ("pattern", pattern), ("flags", flags));
    public static AssertionEvaluator OneOf(params string[] values) => Make("one-of", ("values", List(values)));
    public static AssertionEvaluator NotEqualTo(string value, bool ignoreCase = false, bool trim = true) =>
        Make("not-equals", ("value", value), ("ignore-case", ignoreCase), ("trim", trim));
    public static AssertionEvaluator NotIContains(string value) => Make("not-icontains", ("value", value));
    public static AssertionEvaluator NotStartsWith(string value) => Make("not-starts-with", ("value", value));
    public static AssertionEvaluator NotRegex(string pattern, string? flags = null) => Make("not-regex", ("pattern", pattern), ("flags", flags));
    public static AssertionEvaluator ContainsAny(params string[] values) => Make("contains-any", ("values", List(values)));
    public static AssertionEvaluator ContainsAll(params string[] values) => Make("contains-all", ("values", List(values)));
    public static AssertionEvaluator IContainsAny(params string[] values) => Make("icontains-any", ("values", List(values)));
    public static AssertionEvaluator IContainsAll(params string[] values) => Make("icontains-all", ("values", List(values)));
    public static AssertionEvaluator NotContainsAny(params string[] values) => Make("not-contains-any", ("values", List(values)));
    public static AssertionEvaluator NotContainsAll(params string[] values) => Make("not-contains-all", ("values", List(values)));
    public static AssertionEvaluator NotIContainsAny(params string[] values) => Make("not-icontains-any", ("values", List(values)));
    public static AssertionEvaluator NotIContainsAll(params string[] values) => Make("not-icontains-all", ("values", List(values)));
    public static AssertionEvaluator MinLength(long value) => Make("min-length", ("value", value));
    public static AssertionEvaluator MaxLength(long value) => Make("max-length", ("value", value));
    public static AssertionEvaluator NotEmpty() => Make("not-empty");

    // scripted: promptfoo's contract (output, context.vars; boolean, number or {pass, score, reason}) in the sandbox
    public static AssertionEvaluator Javascript(string script, double? threshold = null) => Make("javascript", ("value", script), ("threshold", threshold));

    // structure
    public static AssertionEvaluator IsJson() => Make("is-json");
    public static AssertionEvaluator JsonSchema(JsonObject schema) => Make("json-schema", ("schema", schema));
    public static AssertionEvaluator JsonPath(string path, JsonNode? equals = null) => Make("json-path", ("path", path), ("equals", equals));

    // tools and trajectory
    public static AssertionEvaluator ToolCalled(string name, JsonObject? args = null) => Make("tool-called", ("name", name), ("args", args));
    public static AssertionEvaluator ToolNotCalled(string name) => Make("tool-not-called", ("name", name));
    public static AssertionEvaluator MaxToolCalls(int value) => Make("max-tool-calls", ("value", value));
    public static AssertionEvaluator ToolOrder(params string[] names) => Make("tool-order", ("names", List(names)));
    public static AssertionEvaluator IsValidOpenAiToolsCall() => Make("is-valid-openai-tools-call");

    // operational
    public static AssertionEvaluator MaxOutputTokens(long value) => Make("max-output-tokens", ("value", value));
    public static AssertionEvaluator FinishReason(string value) => Make("finish-reason", ("value", value));
    public static AssertionEvaluator NoRefusal() => Make("no-refusal");
    public static AssertionEvaluator IsRefusal() => Make("is-refusal");

    // similarity
    public static AssertionEvaluator Levenshtein(string value, double? threshold = null) => Make("levenshtein", ("value", value), ("threshold", threshold));
    public static AssertionEvaluator RougeL(string value, double? threshold = null) => Make("rouge-l", ("value", value), ("threshold", threshold));
    public static AssertionEvaluator Bleu(string value, double? threshold = null) => Make("bleu", ("value", value), ("threshold", threshold));
    public static AssertionEvaluator TokenF1(string value, double? threshold = null) => Make("token-f1", ("value", value), ("threshold", threshold));

    // model-graded: the judge is ChatConfiguration.ChatClient
    public static AssertionEvaluator LlmRubric(string rubric, double minScore = 4) => Make("llm-rubric", ("rubric", rubric), ("min-score", minScore));
    public static AssertionEvaluator LlmRubricPassFail(string rubric) => Make("llm-rubric", ("rubric", rubric), ("scale", "pass-fail"));
    public static AssertionEvaluator Equivalence(string value) => Make("equivalence", ("value", value));
    public static AssertionEvaluator Groundedness() => Make("groundedness");
    public static AssertionEvaluator ToolUseJudgement(string? criteria = null) => Make("tool-use-judgement", ("criteria", criteria));

    private static JsonArray List(string[] values) => new([.. values.Select(v => (JsonNode?)v)]);

    private static AssertionEvaluator Make(string type, params (string Name, object? Value)[] fields)
    {
        var json = new JsonObject();
        foreach (var (name, value) in fields)
        {
            // Unset optional fields are left out, so the assertion's own default applies.
            if (value is not null)
                json[name] = value switch
                {
                    JsonNode node => node,
                    string text => JsonValue.Create(text),
                    bool flag => JsonValue.Create(flag),
                    int count => JsonValue.Create(count),
                    long count => JsonValue.Create(count),
                    double number => JsonValue.Create(number),
                    _ => throw new ArgumentException($"unsupported field type {value.GetType().Name}", nameof(fields)),
                };
        }
        return AssertionEvaluator.Create(type, json);
    }
}
