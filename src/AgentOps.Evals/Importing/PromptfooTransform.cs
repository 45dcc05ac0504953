using System.Text.Json;
using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;

namespace AgentOps.Evals.Importing;

/// <summary>Keeps a promptfoo output <c>transform</c> (a test's <c>options.transform</c> or an assertion's own) by turning the
/// assertions it feeds into sandboxed <c>javascript</c> assertions that transform the output first, then check what the
/// original assertion checked. Assertion types with no script equivalent keep checking the raw output, with a note.</summary>
internal static class PromptfooTransform
{
    /// <summary>The transform's JavaScript, or null (with a note) when it is a file reference the import cannot inline.</summary>
    public static string? Read(JsonNode? node, string caseId, string field, string baseDir, ICollection<ImportNote> notes)
    {
        if (PromptfooJson.Text(node) is not { Length: > 0 } text) return null;
        if (!PromptfooFiles.IsFileRef(text)) return text;
        var files = PromptfooFiles.Resolve(text, baseDir);
        var (path, function) = PromptfooFiles.Split(text);
        if (files.Count != 1 || function is not null || Path.GetExtension(path).ToLowerInvariant() is not (".js" or ".cjs"))
        {
            notes.Add(new(caseId, field, $"transform '{text}' is a file the import cannot inline: not applied, assertions check the raw output"));
            return null;
        }
        var source = File.ReadAllText(files[0]).Replace("export default", "module.exports =", StringComparison.Ordinal);
        return $"(function () {{ const module = {{ exports: {{}} }}; {source}\n; const f = module.exports.default ?? module.exports; return typeof f === 'function' ? f(output, context) : f; }})()";
    }

    /// <summary>The specs with <paramref name="transform"/> applied to the output each one checks.</summary>
    public static List<AssertionSpec> Apply(List<AssertionSpec> specs, string transform, string caseId, ICollection<ImportNote> notes)
    {
        var result = new List<AssertionSpec>(specs.Count);
        foreach (var spec in specs)
        {
            if (Check(spec) is { } check)
            {
                var args = new JsonObject { ["value"] = Prefix(transform) + check };
                if (spec.Type == "javascript" && spec.Args["threshold"] is { } threshold) args["threshold"] = threshold.DeepClone();
                result.Add(new AssertionSpec("javascript", args, spec.Location));
            }
            else
            {
                notes.Add(new(caseId, spec.Type, "transform not applied: this assertion checks the raw output"));
                result.Add(spec);
            }
        }
        return result;
    }

    /// <summary>Runs the transform (an expression, or a body with return) on the output; a non-text result is compared as JSON, as promptfoo does.</summary>
    private static string Prefix(string transform)
    {
        var body = transform.Contains("return", StringComparison.Ordinal) && transform.Contains('\n', StringComparison.Ordinal) ? transform : $"return ({transform.Trim()}\n);";
        return $"output = (function (output, context) {{\n{body}\n}})(output, context);\noutput = typeof output === 'string' ? output : JSON.stringify(output);\n";
    }

    /// <summary>The function body that checks what <paramref name="spec"/> checks, or null when it has no script form.</summary>
    private static string? Check(AssertionSpec spec)
    {
        var a = spec.Args;
        string Text(string key) => JsonSerializer.Serialize(a[key] is JsonValue v && v.TryGetValue(out string? s) ? s : a[key]?.ToJsonString() ?? "");
        string List() => (a["values"] as JsonArray)?.ToJsonString() ?? "[]";
        return spec.Type switch
        {
            "javascript" => a["value"]?.GetValue<string>() is { } code
                ? (code.Contains('\n', StringComparison.Ordinal) && code.Contains("return", StringComparison.Ordinal) ? code : $"return ({code.Trim()}\n);")
                : null,
            "equals" => $"return output === {Text("value")};",
            "not-equals" => $"return output !== {Text("value")};",
            "contains" => $"return output.includes({Text("value")});",
            "not-contains" => $"return !output.includes({Text("value")});",
            "icontains" => $"return output.toLowerCase().includes({Text("value")}.toLowerCase());",
            "not-icontains" => $"return !output.toLowerCase().includes({Text("value")}.toLowerCase());",
            "starts-with" => $"return output.startsWith({Text("value")});",
            "not-starts-with" => $"return !output.startsWith({Text("value")});",
            "contains-any" => $"return {List()}.some(v => output.includes(v));",
            "contains-all" => $"return {List()}.every(v => output.includes(v));",
            "icontains-any" => $"return {List()}.some(v => output.toLowerCase().includes(v.toLowerCase()));",
            "icontains-all" => $"return {List()}.every(v => output.toLowerCase().includes(v.toLowerCase()));",
            "not-contains-any" => $"return !{List()}.some(v => output.includes(v));",
            "not-contains-all" => $"return !{List()}.every(v => output.includes(v));",
            "not-icontains-any" => $"return !{List()}.some(v => output.toLowerCase().includes(v.toLowerCase()));",
            "not-icontains-all" => $"return !{List()}.every(v => output.toLowerCase().includes(v.toLowerCase()));",
            "regex" => $"return new RegExp({Text("pattern")}).test(output);",
            "not-regex" => $"return !new RegExp({Text("pattern")}).test(output);",
            "is-json" => "try { JSON.parse(output); return true; } catch (e) { return false; }",
            "not-empty" => "return output.trim().length > 0;",
            "min-length" => $"return output.length >= {a["value"]?.ToJsonString() ?? "0"};",
            "max-length" => $"return output.length <= {a["value"]?.ToJsonString() ?? "0"};",
            _ => null,
        };
    }
}
