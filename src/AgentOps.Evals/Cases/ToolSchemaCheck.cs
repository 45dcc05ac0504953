using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Evals.Cases;

/// <summary>One problem in a tool's parameter schema: the JSON path below <c>parameters</c> and what was expected.</summary>
internal sealed record SchemaProblem(string Path, string Message);

/// <summary>
/// Checks that a mocked tool's <c>parameters</c> is a JSON Schema a provider will accept: known type names, and
/// <c>properties</c>, <c>required</c>, <c>items</c>, <c>enum</c> and the combinators of the right shapes, recursively.
/// A provider rejects a bad schema mid-run (an infrastructure error on every trial), so it is caught when the case loads.
/// </summary>
internal static class ToolSchemaCheck
{
    private static readonly string[] TypeNames = ["object", "array", "string", "number", "integer", "boolean", "null"];
    private static readonly string[] SchemaLists = ["anyOf", "oneOf", "allOf", "prefixItems"];
    private static readonly string[] SchemaMaps = ["properties", "patternProperties", "$defs", "definitions"];
    private static readonly string[] SchemaValues = ["items", "additionalProperties", "not", "contains", "additionalItems"];

    /// <summary>Every problem in <paramref name="schema"/>, in document order; none for a valid schema.</summary>
    public static IReadOnlyList<SchemaProblem> Problems(JsonObject schema)
    {
        var problems = new List<SchemaProblem>();
        Check(schema, "", problems);
        return problems;
    }

    private static void Check(JsonNode? node, string path, List<SchemaProblem> problems)
    {
        // true/false are schemas too (accept anything / nothing).
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return;
        if (node is not JsonObject schema)
        {
            problems.Add(new SchemaProblem(path, $"found {Describe(node)}, expected a schema (a mapping such as {{type: string}})"));
            return;
        }
        if (schema["type"] is { } type) CheckType(type, path + ".type", problems);
        if (schema["required"] is { } required && !(required is JsonArray names && names.All(n => n?.GetValueKind() == JsonValueKind.String)))
            problems.Add(new SchemaProblem(path + ".required", $"found {Describe(required)}, expected a list of property names"));
        if (schema["enum"] is { } values && values is not JsonArray)
            problems.Add(new SchemaProblem(path + ".enum", $"found {Describe(values)}, expected a list of allowed values"));
        if (schema["description"] is { } description && description.GetValueKind() != JsonValueKind.String)
            problems.Add(new SchemaProblem(path + ".description", $"found {Describe(description)}, expected text"));
        foreach (var name in SchemaMaps)
        {
            if (schema[name] is not { } map) continue;
            if (map is not JsonObject children)
            {
                problems.Add(new SchemaProblem($"{path}.{name}", $"found {Describe(map)}, expected a mapping of names to schemas"));
                continue;
            }
            foreach (var (key, child) in children) Check(child, $"{path}.{name}.{key}", problems);
        }
        foreach (var name in SchemaLists)
        {
            if (schema[name] is not { } list) continue;
            if (list is not JsonArray items)
            {
                problems.Add(new SchemaProblem($"{path}.{name}", $"found {Describe(list)}, expected a list of schemas"));
                continue;
            }
            for (var i = 0; i < items.Count; i++) Check(items[i], $"{path}.{name}[{i}]", problems);
        }
        foreach (var name in SchemaValues)
            if (schema.ContainsKey(name)) Check(schema[name], $"{path}.{name}", problems);
    }

    private static void CheckType(JsonNode type, string path, List<SchemaProblem> problems)
    {
        var names = type is JsonArray list ? list.ToList() : [type];
        foreach (var name in names)
        {
            if (name?.GetValueKind() == JsonValueKind.String && TypeNames.Contains(name.GetValue<string>())) continue;
            var found = name?.GetValueKind() == JsonValueKind.String ? $"'{name.GetValue<string>()}'" : Describe(name);
            problems.Add(new SchemaProblem(path, $"found {found}, expected one of {string.Join(", ", TypeNames)} (or a list of them)"));
        }
    }

    private static string Describe(JsonNode? node) => node is null ? "nothing (null)" : node.GetValueKind() switch
    {
        JsonValueKind.Object => "a mapping",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => $"the number {node.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => $"{node.ToJsonString()}",
        _ => "nothing (null)",
    };
}
