using System.Globalization;
using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Importing;

/// <summary>Maps one promptfoo assertion to ours: a pure function from the assertion's JSON to a spec, plus notes for anything inexact or unmapped.</summary>
internal static class PromptfooAssertionMapper
{
    /// <summary>Our assertion for <paramref name="assertion"/>, or null (with a note saying why) when we have no equivalent.</summary>
    public static AssertionSpec? Map(JsonObject assertion, string caseId, SourceLocation location, ICollection<ImportNote> notes)
    {
        var type = assertion["type"]?.GetValue<string>() ?? "";
        var value = assertion["value"];
        var threshold = Number(assertion["threshold"]);
        if (Number(assertion["weight"]) is { } weight && weight != 1)
        {
            if (weight == 0)
            {
                notes.Add(new(caseId, type, "weight 0 (informational only in promptfoo): not imported"));
                return null;
            }
            notes.Add(new(caseId, type, $"weight {weight.ToString(CultureInfo.InvariantCulture)} ignored: every assertion must pass here"));
        }
        if (assertion["metric"] is not null) notes.Add(new(caseId, type, "metric name not imported (we report per assertion type)"));

        AssertionSpec Spec(string ourType, params (string Key, JsonNode? Value)[] args)
        {
            var json = new JsonObject();
            foreach (var (key, node) in args) if (node is not null) json[key] = node.DeepClone();
            return new AssertionSpec(ourType, json, location);
        }
        AssertionSpec? Unmapped(string why)
        {
            notes.Add(new(caseId, type, why));
            return null;
        }
        bool IsText(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? _);

        switch (type)
        {
            case "equals" when IsText(value):
                return Spec("equals", ("value", value));
            case "contains" or "icontains" or "starts-with" when IsText(value):
                return Spec(type, ("value", value));
            case "not-contains" when IsText(value):
                return Spec("not-contains", ("value", value));
            case "contains-any" when value is JsonArray any:
                return Unmapped($"no 'contains any of' assertion here ({any.Count} values); write one-of or split the case");
            case "regex" when IsText(value):
                return Spec("regex", ("pattern", value));
            case "is-json" or "contains-json":
                if (value is not null) notes.Add(new(caseId, type, "JSON schema not imported: add a json-schema assertion with it"));
                if (type == "contains-json") notes.Add(new(caseId, type, "mapped to is-json, which accepts the whole output or its first ```json block, not JSON anywhere in prose"));
                return Spec("is-json");
            case "levenshtein" when IsText(value):
            {
                // promptfoo: edit distance ≤ threshold (default 5). Ours: similarity 1 - distance / longer length ≥ threshold.
                var maxDistance = threshold ?? 5;
                var length = Math.Max(1, value!.GetValue<string>().Length);
                var similarity = Math.Round(Math.Clamp(1 - maxDistance / length, 0, 1), 3);
                notes.Add(new(caseId, type, $"edit distance ≤ {maxDistance.ToString(CultureInfo.InvariantCulture)} became similarity ≥ {similarity.ToString(CultureInfo.InvariantCulture)} (1 - distance / {length} characters); exact only for outputs no longer than the expected text"));
                return Spec("levenshtein", ("value", value), ("threshold", similarity));
            }
            case "rouge-n" when IsText(value):
                notes.Add(new(caseId, type, "rouge-n became rouge-l (longest common subsequence F-measure), same threshold"));
                return Spec("rouge-l", ("value", value), ("threshold", threshold ?? 0.75));
            case "bleu" when IsText(value):
                return Spec("bleu", ("value", value), ("threshold", threshold ?? 0.5));
            case "cost" when threshold is { } maxCost:
                return Spec("max-cost-usd", ("value", maxCost));
            case "latency" when threshold is { } maxMs:
                return Spec("max-latency-ms", ("value", maxMs));
            case "finish-reason" when IsText(value):
                return Spec("finish-reason", ("value", value));
            case "not-is-refusal":
                return Spec("no-refusal");
            case "is-refusal":
                return Unmapped("asserts the output IS a refusal; we only have no-refusal (its negation): write the refusal text as contains/regex");
            case "llm-rubric" when IsText(value):
                notes.Add(new(caseId, type, "needs the judge from config (judge:); promptfoo's pass/fail became min-score 4 of 5"));
                return Spec("llm-rubric", ("rubric", value), ("min-score", 4));
            default:
                if (type.StartsWith("not-", StringComparison.Ordinal))
                    return Unmapped($"no negated form of '{type[4..]}' here (only not-contains and not-is-refusal map)");
                return Unmapped(value is null && type is "equals" or "contains" or "icontains" or "starts-with" or "regex" or "levenshtein" or "rouge-n" or "bleu" or "finish-reason" or "llm-rubric"
                    ? "missing or non-text value"
                    : type is "cost" or "latency" ? "missing threshold" : $"no equivalent assertion type '{type}'");
        }
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue(out double d) || (v.TryGetValue(out string? s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d))) ? d : null;
}
