using System.Globalization;
using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Importing;

/// <summary>Maps one promptfoo assertion to ours: from the assertion's JSON (values rendered with the case's vars, as promptfoo
/// renders them) to specs, plus notes for anything inexact or unmapped. Never throws on an unexpected shape: that is a note.</summary>
internal static class PromptfooAssertionMapper
{
    private static readonly HashSet<string> TextTypes = ["equals", "not-equals", "contains", "icontains", "not-contains", "not-icontains", "starts-with", "not-starts-with"];
    private static readonly HashSet<string> ListTypes = ["contains-any", "contains-all", "icontains-any", "icontains-all", "not-contains-any", "not-contains-all", "not-icontains-any", "not-icontains-all"];
    private static readonly HashSet<string> JudgeTypes = ["llm-rubric", "model-graded-closedqa", "g-eval", "factuality", "model-graded-factuality", "answer-relevance", "context-faithfulness", "context-relevance", "context-recall"];

    /// <summary>What the mapper needs besides the assertion: where it goes, the case's vars and the config's folder.</summary>
    public sealed record Scope(string CaseId, SourceLocation Location, IReadOnlyDictionary<string, JsonNode?> Vars, string BaseDir, ICollection<ImportNote> Notes);

    /// <summary>Our assertions for <paramref name="node"/> (one promptfoo assertion); empty (with a note saying why) when we have no equivalent.</summary>
    public static List<AssertionSpec> Map(JsonNode? node, Scope scope)
    {
        if (node is not JsonObject assertion)
        {
            scope.Notes.Add(new(scope.CaseId, "assert", $"an assertion that is not a mapping ({node?.ToJsonString() ?? "null"}): not imported"));
            return [];
        }
        var type = PromptfooJson.Text(assertion["type"]) ?? "";
        var notes = scope.Notes;
        var caseId = scope.CaseId;
        var threshold = PromptfooJson.Number(assertion["threshold"]);
        if (PromptfooJson.Number(assertion["weight"]) is { } weight && weight != 1)
        {
            if (weight == 0)
            {
                notes.Add(new(caseId, type, "weight 0 (informational only in promptfoo): not imported"));
                return [];
            }
            notes.Add(new(caseId, type, $"weight {weight.ToString(CultureInfo.InvariantCulture)} ignored: every assertion must pass here"));
        }
        if (assertion["metric"] is not null) notes.Add(new(caseId, type, "metric name not imported (we report per assertion type)"));
        if (assertion["provider"] is not null) notes.Add(new(caseId, type, "a per-assertion grader provider is not imported: the config's judge grades"));
        if (assertion["rubricPrompt"] is not null) notes.Add(new(caseId, type, "a custom rubricPrompt is not imported: set judge.prompts in config"));

        var transform = PromptfooJson.Text(assertion["transform"]);
        // A javascript assertion folds its transform into its own script; any other kind is rewritten around it.
        if (transform is not null && type != "javascript")
        {
            var transformed = PromptfooTransform.Read(assertion["transform"], caseId, type, scope.BaseDir, notes);
            var plain = MapAssertion(assertion, type, null, threshold, scope);
            if (transformed is null || plain.Count == 0) return plain;
            notes.Add(new(caseId, type, $"transform '{Excerpt(transform)}' kept: the assertion runs as a script on the transformed output"));
            return PromptfooTransform.Apply(plain, transformed, caseId, notes);
        }
        return MapAssertion(assertion, type, transform, threshold, scope);
    }

    private static List<AssertionSpec> MapAssertion(JsonObject assertion, string type, string? transform, double? threshold, Scope scope)
    {
        var notes = scope.Notes;
        var caseId = scope.CaseId;

        var value = Render(assertion["value"], scope);
        List<AssertionSpec> One(string ourType, params (string Key, JsonNode? Value)[] args)
        {
            var json = new JsonObject();
            foreach (var (key, arg) in args)
                if (arg is not null) json[key] = arg.DeepClone();
            return [new AssertionSpec(ourType, json, scope.Location)];
        }
        List<AssertionSpec> Unmapped(string why)
        {
            notes.Add(new(caseId, type, why));
            return [];
        }
        bool IsScalar(JsonNode? n) => PromptfooJson.Text(n) is not null;

        switch (type)
        {
            case "equals" or "not-equals" when value is not null:
                return One(type, ("value", value));
            case var t when TextTypes.Contains(t) && IsScalar(value):
                return One(type, ("value", value));
            case var t when ListTypes.Contains(t):
            {
                var values = value is JsonArray array ? new JsonArray([.. array.Where(IsScalar).Select(v => (JsonNode?)PromptfooJson.Text(v))])
                    : PromptfooJson.Text(value) is { } csv ? new JsonArray([.. csv.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (JsonNode?)v)])
                    : null;
                return values is { Count: > 0 } ? One(type, ("values", values)) : Unmapped("missing or empty list of values");
            }
            case "regex" or "not-regex" when IsScalar(value):
                return One(type, ("pattern", value));
            case "is-json" or "contains-json":
            {
                if (type == "contains-json") notes.Add(new(caseId, type, "mapped to is-json, which accepts the whole output or its first ```json block, not JSON anywhere in prose"));
                var schema = value is JsonObject o ? o : PromptfooJson.Text(value) is { } s && PromptfooFiles.IsFileRef(s) ? ReadSchema(s, scope) : null;
                if (value is not null && schema is null) notes.Add(new(caseId, type, "its JSON schema could not be read: only JSON validity is checked"));
                var specs = One("is-json");
                if (schema is not null) specs.AddRange(One("json-schema", ("schema", schema)));
                return specs;
            }
            case "javascript":
                return Javascript(assertion, value, transform, threshold, scope) is { } script ? One("javascript", ("value", script), ("threshold", threshold is { } th ? JsonValue.Create(th) : null)) : [];
            case "levenshtein" when IsScalar(value):
            {
                // promptfoo: edit distance ≤ threshold (default 5). Ours: similarity 1 - distance / longer length ≥ threshold.
                var maxDistance = threshold ?? 5;
                var length = Math.Max(1, PromptfooJson.Text(value)!.Length);
                var similarity = Math.Round(Math.Clamp(1 - maxDistance / length, 0, 1), 3);
                notes.Add(new(caseId, type, $"edit distance ≤ {maxDistance.ToString(CultureInfo.InvariantCulture)} became similarity ≥ {similarity.ToString(CultureInfo.InvariantCulture)} (1 - distance / {length} characters); exact only for outputs no longer than the expected text"));
                return One("levenshtein", ("value", value), ("threshold", similarity));
            }
            case "rouge-n" when IsScalar(value):
                notes.Add(new(caseId, type, "rouge-n became rouge-l (longest common subsequence F-measure), same threshold"));
                return One("rouge-l", ("value", value), ("threshold", threshold ?? 0.75));
            case "bleu" when IsScalar(value):
                return One("bleu", ("value", value), ("threshold", threshold ?? 0.5));
            case "similar" or "similar:cosine" when value is not null:
            {
                // promptfoo's default threshold is 0.75; a list passes when any entry is similar enough (we take the first).
                var expected = value is JsonArray list ? list.FirstOrDefault(IsScalar) : value;
                if (value is JsonArray { Count: > 1 }) notes.Add(new(caseId, type, "a list of expected texts became its first entry"));
                if (!IsScalar(expected)) return Unmapped("missing expected text");
                return One("similar", ("value", expected), ("threshold", threshold ?? 0.75));
            }
            case "cost" when threshold is { } maxCost:
                return One("max-cost-usd", ("value", maxCost));
            case "latency" when threshold is { } maxMs:
                return One("max-latency-ms", ("value", maxMs));
            case "finish-reason" when IsScalar(value):
                return One("finish-reason", ("value", value));
            case "not-is-refusal":
                return One("no-refusal");
            case "is-refusal":
                return One("is-refusal");
            case "min-length" or "max-length" when PromptfooJson.Number(value ?? assertion["threshold"]) is { } bound:
                return One(type, ("value", Math.Max(0, Math.Round(bound))));
            case "not-empty":
                return One("not-empty");
            case "is-valid-openai-tools-call" or "is-valid-openai-function-call" or "is-valid-function-call":
                if (type != "is-valid-openai-tools-call") notes.Add(new(caseId, type, "checked as is-valid-openai-tools-call (tool calls against the case's tools)"));
                return One("is-valid-openai-tools-call");
            case "trajectory:tool-used" or "tool-called" when (PromptfooJson.Text(value) ?? PromptfooJson.Text((value as JsonObject)?["name"])) is { } toolName:
                return One("tool-called", ("name", toolName));
            case "assert-set":
            {
                if (threshold is not null) notes.Add(new(caseId, type, "assert-set threshold not imported: every assertion in the set must pass here"));
                var specs = new List<AssertionSpec>();
                foreach (var child in PromptfooJson.Items(assertion["assert"]))
                    specs.AddRange(Map(child, scope));
                return specs;
            }
            case var t when JudgeTypes.Contains(t):
                return Judged(t, value, threshold, scope);
            case "python":
                return Unmapped("python assertions need a Python runtime, which this harness does not embed: port it to a javascript assertion");
            case "moderation":
                return Unmapped("no moderation assertion here: use no-refusal or an llm-rubric on the policy");
            case "select-best" or "max-score":
                return Unmapped("compares outputs of several prompts/providers in one test; we judge each candidate alone (use gate to compare candidates)");
            default:
                if (type.Length == 0) return Unmapped("an assertion without a type");
                return Unmapped((TextTypes.Contains(type) || type is "regex" or "not-regex" or "levenshtein" or "rouge-n" or "bleu" or "finish-reason" or "similar")
                    ? "missing or non-text value"
                    : type is "cost" or "latency" ? "missing threshold" : $"no equivalent assertion type '{type}'");
        }
    }

    private static List<AssertionSpec> Judged(string type, JsonNode? value, double? threshold, Scope scope)
    {
        var notes = scope.Notes;
        string? rubric = PromptfooJson.Text(value);
        JsonObject args;
        string ourType;
        switch (type)
        {
            case "factuality" or "model-graded-factuality" when rubric is not null:
                ourType = "equivalence";
                args = new JsonObject { ["value"] = rubric };
                notes.Add(new(scope.CaseId, type, "became equivalence: the judge checks the response gives the same answer as the reference"));
                break;
            case "answer-relevance":
                ourType = "llm-rubric";
                args = new JsonObject { ["rubric"] = $"The response is relevant to and answers the user's question: {PromptfooJson.VarText(scope.Vars.GetValueOrDefault("query") ?? scope.Vars.GetValueOrDefault("question"))}".TrimEnd(' ', ':'), ["scale"] = "pass-fail" };
                notes.Add(new(scope.CaseId, type, "became an llm-rubric on relevance"));
                break;
            case "context-faithfulness" or "context-relevance" or "context-recall":
                ourType = "groundedness";
                args = [];
                notes.Add(new(scope.CaseId, type, "became groundedness against the case's input.context (the 'context' var)"));
                break;
            default:
                if (rubric is null)
                {
                    notes.Add(new(scope.CaseId, type, "missing or non-text rubric: not imported"));
                    return [];
                }
                ourType = "llm-rubric";
                // promptfoo's judge answers pass/fail with a 0-1 score; a threshold asks for a score.
                args = threshold is { } t
                    ? new JsonObject { ["rubric"] = rubric, ["min-score"] = Math.Clamp(Math.Ceiling(1 + t * 4), 1, 5) }
                    : new JsonObject { ["rubric"] = rubric, ["scale"] = "pass-fail" };
                if (type != "llm-rubric") notes.Add(new(scope.CaseId, type, "became llm-rubric"));
                break;
        }
        notes.Add(new(scope.CaseId, type, "graded by the config's judge (the written config names one)"));
        return [new AssertionSpec(ourType, args, scope.Location)];
    }

    /// <summary>An inline script as written; a <c>file://x.js[:fn]</c> script inlined as a CommonJS module whose export is called.</summary>
    private static string? Javascript(JsonObject assertion, JsonNode? value, string? transform, double? threshold, Scope scope)
    {
        var code = PromptfooJson.Text(assertion["value"]);
        if (code is null)
        {
            scope.Notes.Add(new(scope.CaseId, "javascript", "missing script: not imported"));
            return null;
        }
        if (PromptfooFiles.IsFileRef(code))
        {
            var (path, function) = PromptfooFiles.Split(code);
            var files = PromptfooFiles.Resolve(code, scope.BaseDir);
            if (files.Count != 1 || Path.GetExtension(path).ToLowerInvariant() is not (".js" or ".cjs" or ".mjs"))
            {
                scope.Notes.Add(new(scope.CaseId, "javascript", $"script file '{path}' not found or not JavaScript: not imported"));
                return null;
            }
            var source = File.ReadAllText(files[0]).Replace("export default", "module.exports =", StringComparison.Ordinal);
            if (source.Contains("require(", StringComparison.Ordinal) || source.Contains("import ", StringComparison.Ordinal))
                scope.Notes.Add(new(scope.CaseId, "javascript", $"'{Path.GetFileName(path)}' loads modules; the sandbox has none, so it fails at run time until the dependency is removed"));
            var call = function is null ? "(typeof module.exports === 'function' ? module.exports : module.exports.default)" : $"module.exports[{System.Text.Json.JsonSerializer.Serialize(function)}]";
            code = $"const module = {{ exports: {{}} }};\nconst exports = module.exports;\n{source}\nconst __fn = {call};\nreturn typeof __fn === 'function' ? __fn(output, context) : __fn;";
            scope.Notes.Add(new(scope.CaseId, "javascript", $"'{Path.GetFileName(path)}' inlined into the case"));
        }
        if (transform is not null)
        {
            code = $"output = (function (output, context) {{ return ({transform}\n); }})(output, context);\n" + (code.Contains('\n') ? code : $"return ({code}\n);");
            scope.Notes.Add(new(scope.CaseId, "javascript", "transform kept: applied to the output inside the script"));
        }
        _ = value;
        _ = threshold;
        return code;
    }

    private static JsonObject? ReadSchema(string reference, Scope scope)
    {
        var files = PromptfooFiles.Resolve(reference, scope.BaseDir);
        return files.Count == 1 ? PromptfooFiles.TryReadData(files[0], "assert", scope.Notes) as JsonObject : null;
    }

    /// <summary>promptfoo renders string assertion values with the test's vars; so do we.</summary>
    private static JsonNode? Render(JsonNode? value, Scope scope)
    {
        switch (value)
        {
            case JsonValue when PromptfooJson.Text(value) is { } text && PromptfooTemplate.HasTemplate(text):
                var unresolved = new List<string>();
                var rendered = PromptfooTemplate.Render(text, scope.Vars, unresolved);
                if (unresolved.Count > 0) scope.Notes.Add(new(scope.CaseId, "assert", $"template {unresolved[0]} in an assertion value not rendered"));
                return rendered;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Render(item, scope))]);
            default:
                return value?.DeepClone();
        }
    }

    private static string Excerpt(string text) => text.Length <= 60 ? text.ReplaceLineEndings(" ") : text[..60].ReplaceLineEndings(" ") + "…";
}
