using System.Text.Json.Nodes;

namespace AgentOps.Evals.Evaluation.Meai;

/// <summary>Typed factories for every built-in assertion as an MEAI evaluator, for use from plain
/// Microsoft.Extensions.AI.Evaluation code: <c>await AssertionEvaluators.Contains("14 days").EvaluateAsync(messages, response)</c>.
/// <c>max-latency-ms</c>, <c>max-cost-usd</c> and <c>similar</c> are left out: a <c>ChatResponse</c> carries no latency,
/// price or embedding generator.</summary>
public static class AssertionEvaluators
{
    // text
    /// <summary><c>equals</c>: the response equals <paramref name="value"/> (numbers numerically, objects as JSON); trimmed unless <paramref name="trim"/> is false.</summary>
    public static AssertionEvaluator EqualTo(string value, bool ignoreCase = false, bool trim = true) =>
        Make("equals", ("value", value), ("ignore-case", ignoreCase), ("trim", trim));
    /// <summary><c>contains</c>: the response contains <paramref name="value"/>, case-sensitive.</summary>
    public static AssertionEvaluator Contains(string value) => Make("contains", ("value", value));
    /// <summary><c>not-contains</c>: the response does not contain <paramref name="value"/>, case-sensitive.</summary>
    public static AssertionEvaluator NotContains(string value) => Make("not-contains", ("value", value));
    /// <summary><c>icontains</c>: the response contains <paramref name="value"/>, ignoring case.</summary>
    public static AssertionEvaluator IContains(string value) => Make("icontains", ("value", value));
    /// <summary><c>starts-with</c>: the response, after leading whitespace, starts with <paramref name="value"/> (case-sensitive).</summary>
    public static AssertionEvaluator StartsWith(string value) => Make("starts-with", ("value", value));
    /// <summary><c>regex</c>: the response matches <paramref name="pattern"/> (<paramref name="flags"/>: any of i, m, s, x); a match past the 100 ms timeout fails.</summary>
    public static AssertionEvaluator Regex(string pattern, string? flags = null) => Make("regex", ("pattern", pattern), ("flags", flags));
    /// <summary><c>one-of</c>: the trimmed response equals one of <paramref name="values"/> exactly.</summary>
    public static AssertionEvaluator OneOf(params string[] values) => Make("one-of", ("values", List(values)));
    /// <summary><c>not-equals</c>: the response differs from <paramref name="value"/> (numbers numerically, objects as JSON).</summary>
    public static AssertionEvaluator NotEqualTo(string value, bool ignoreCase = false, bool trim = true) =>
        Make("not-equals", ("value", value), ("ignore-case", ignoreCase), ("trim", trim));
    /// <summary><c>not-icontains</c>: the response does not contain <paramref name="value"/>, ignoring case.</summary>
    public static AssertionEvaluator NotIContains(string value) => Make("not-icontains", ("value", value));
    /// <summary><c>not-starts-with</c>: the response, after leading whitespace, does not start with <paramref name="value"/>.</summary>
    public static AssertionEvaluator NotStartsWith(string value) => Make("not-starts-with", ("value", value));
    /// <summary><c>not-regex</c>: the response does not match <paramref name="pattern"/>; a match past the 100 ms timeout fails.</summary>
    public static AssertionEvaluator NotRegex(string pattern, string? flags = null) => Make("not-regex", ("pattern", pattern), ("flags", flags));
    /// <summary><c>contains-any</c>: the response contains at least one of <paramref name="values"/>, case-sensitive.</summary>
    public static AssertionEvaluator ContainsAny(params string[] values) => Make("contains-any", ("values", List(values)));
    /// <summary><c>contains-all</c>: the response contains every one of <paramref name="values"/>, case-sensitive.</summary>
    public static AssertionEvaluator ContainsAll(params string[] values) => Make("contains-all", ("values", List(values)));
    /// <summary><c>icontains-any</c>: the response contains at least one of <paramref name="values"/>, ignoring case.</summary>
    public static AssertionEvaluator IContainsAny(params string[] values) => Make("icontains-any", ("values", List(values)));
    /// <summary><c>icontains-all</c>: the response contains every one of <paramref name="values"/>, ignoring case.</summary>
    public static AssertionEvaluator IContainsAll(params string[] values) => Make("icontains-all", ("values", List(values)));
    /// <summary><c>not-contains-any</c>: the response contains none of <paramref name="values"/>, case-sensitive.</summary>
    public static AssertionEvaluator NotContainsAny(params string[] values) => Make("not-contains-any", ("values", List(values)));
    /// <summary><c>not-contains-all</c>: the response lacks at least one of <paramref name="values"/>, case-sensitive.</summary>
    public static AssertionEvaluator NotContainsAll(params string[] values) => Make("not-contains-all", ("values", List(values)));
    /// <summary><c>not-icontains-any</c>: the response contains none of <paramref name="values"/>, ignoring case.</summary>
    public static AssertionEvaluator NotIContainsAny(params string[] values) => Make("not-icontains-any", ("values", List(values)));
    /// <summary><c>not-icontains-all</c>: the response lacks at least one of <paramref name="values"/>, ignoring case.</summary>
    public static AssertionEvaluator NotIContainsAll(params string[] values) => Make("not-icontains-all", ("values", List(values)));
    /// <summary><c>min-length</c>: the response has at least <paramref name="value"/> characters (text elements: an emoji counts once).</summary>
    public static AssertionEvaluator MinLength(long value) => Make("min-length", ("value", value));
    /// <summary><c>max-length</c>: the response has at most <paramref name="value"/> characters (text elements: an emoji counts once).</summary>
    public static AssertionEvaluator MaxLength(long value) => Make("max-length", ("value", value));
    /// <summary><c>not-empty</c>: the response holds something besides whitespace.</summary>
    public static AssertionEvaluator NotEmpty() => Make("not-empty");

    // scripted: promptfoo's contract (output, context.vars; boolean, number or {pass, score, reason}) in the sandbox
    /// <summary><c>javascript</c>: runs <paramref name="script"/> in the sandbox with promptfoo's contract; a number passes above 0, or at or above <paramref name="threshold"/> when given.</summary>
    public static AssertionEvaluator Javascript(string script, double? threshold = null) => Make("javascript", ("value", script), ("threshold", threshold));

    // structure
    /// <summary><c>is-json</c>: the response, or its first <c>```json</c> block, parses as JSON.</summary>
    public static AssertionEvaluator IsJson() => Make("is-json");
    /// <summary><c>json-schema</c>: the response's JSON (whole or first <c>```json</c> block) is valid against <paramref name="schema"/>.</summary>
    public static AssertionEvaluator JsonSchema(JsonObject schema) => Make("json-schema", ("schema", schema));
    /// <summary><c>json-path</c>: the value at <paramref name="path"/> in the response's JSON equals <paramref name="equals"/> (numbers numerically).</summary>
    public static AssertionEvaluator JsonPath(string path, JsonNode? equals = null) => Make("json-path", ("path", path), ("equals", equals));

    // tools and trajectory
    /// <summary><c>tool-called</c>: some call to tool <paramref name="name"/> had every argument in <paramref name="args"/> with an equal value.</summary>
    public static AssertionEvaluator ToolCalled(string name, JsonObject? args = null) => Make("tool-called", ("name", name), ("args", args));
    /// <summary><c>tool-not-called</c>: the response made no call to tool <paramref name="name"/>.</summary>
    public static AssertionEvaluator ToolNotCalled(string name) => Make("tool-not-called", ("name", name));
    /// <summary><c>max-tool-calls</c>: the response made at most <paramref name="value"/> tool calls.</summary>
    public static AssertionEvaluator MaxToolCalls(int value) => Make("max-tool-calls", ("value", value));
    /// <summary><c>tool-order</c>: the tools in <paramref name="names"/> were called in this relative order (other calls may come between).</summary>
    public static AssertionEvaluator ToolOrder(params string[] names) => Make("tool-order", ("names", List(names)));
    /// <summary><c>is-valid-openai-tools-call</c>: at least one tool call was made (or the output is OpenAI <c>tool_calls</c> JSON).</summary>
    public static AssertionEvaluator IsValidOpenAiToolsCall() => Make("is-valid-openai-tools-call");

    // operational
    /// <summary><c>max-output-tokens</c>: the response's usage reports at most <paramref name="value"/> output tokens.</summary>
    public static AssertionEvaluator MaxOutputTokens(long value) => Make("max-output-tokens", ("value", value));
    /// <summary><c>finish-reason</c>: the final model turn ended for <paramref name="value"/> (stop, length, tool_calls or content_filter).</summary>
    public static AssertionEvaluator FinishReason(string value) => Make("finish-reason", ("value", value));
    /// <summary><c>no-refusal</c>: the response contains none of the common refusal phrasings.</summary>
    public static AssertionEvaluator NoRefusal() => Make("no-refusal");
    /// <summary><c>is-refusal</c>: the response declines (a refusal phrasing, or nothing at all); for cases where refusing is right.</summary>
    public static AssertionEvaluator IsRefusal() => Make("is-refusal");

    // similarity
    /// <summary><c>levenshtein</c>: normalized edit similarity to <paramref name="value"/> reaches <paramref name="threshold"/> (default 0.8).</summary>
    public static AssertionEvaluator Levenshtein(string value, double? threshold = null) => Make("levenshtein", ("value", value), ("threshold", threshold));
    /// <summary><c>rouge-l</c>: ROUGE-L F-measure over lowercase words against <paramref name="value"/> reaches <paramref name="threshold"/> (default 0.75).</summary>
    public static AssertionEvaluator RougeL(string value, double? threshold = null) => Make("rouge-l", ("value", value), ("threshold", threshold));
    /// <summary><c>bleu</c>: smoothed sentence BLEU-4 against <paramref name="value"/> reaches <paramref name="threshold"/> (default 0.5).</summary>
    public static AssertionEvaluator Bleu(string value, double? threshold = null) => Make("bleu", ("value", value), ("threshold", threshold));
    /// <summary><c>token-f1</c>: SQuAD-style bag-of-tokens F1 against <paramref name="value"/> reaches <paramref name="threshold"/> (default 0.7).</summary>
    public static AssertionEvaluator TokenF1(string value, double? threshold = null) => Make("token-f1", ("value", value), ("threshold", threshold));

    // model-graded: the judge is ChatConfiguration.ChatClient
    /// <summary><c>llm-rubric</c>: the judge grades the response against <paramref name="rubric"/> on 1-5; passes at <paramref name="minScore"/> or above.</summary>
    public static AssertionEvaluator LlmRubric(string rubric, double minScore = 4) => Make("llm-rubric", ("rubric", rubric), ("min-score", minScore));
    /// <summary><c>llm-rubric</c> with the pass-fail scale: the judge says whether the response meets <paramref name="rubric"/>.</summary>
    public static AssertionEvaluator LlmRubricPassFail(string rubric) => Make("llm-rubric", ("rubric", rubric), ("scale", "pass-fail"));
    /// <summary><c>equivalence</c>: the judge decides whether the response gives the same answer as <paramref name="value"/>.</summary>
    public static AssertionEvaluator Equivalence(string value) => Make("equivalence", ("value", value));
    /// <summary><c>groundedness</c>: the judge decides whether every claim in the response is supported by the case's context.</summary>
    public static AssertionEvaluator Groundedness() => Make("groundedness");
    /// <summary><c>tool-use-judgement</c>: the judge decides whether the tool calls were appropriate for the request (against <paramref name="criteria"/> when given).</summary>
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
