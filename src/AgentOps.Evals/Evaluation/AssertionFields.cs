using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Evaluation;

/// <summary>Reads typed fields from an assertion, adding a problem that says what was found and what was expected.</summary>
internal static class AssertionFields
{
    // Fields any assertion may carry that the runner or reports read, not the evaluator.
    private static readonly string[] CommonFields = ["description", "weight", "metric", "label", "id"];

    /// <summary>Adds a problem for every field that is neither one of <paramref name="fields"/> nor a common one: a typo
    /// would otherwise fall back to a default silently.</summary>
    public static void CheckKnownFields(this AssertionSpec spec, string type, IReadOnlyList<string> fields, List<Problem> problems)
    {
        foreach (var (name, _) in spec.Args)
        {
            if (!fields.Contains(name, StringComparer.Ordinal) && !CommonFields.Contains(name, StringComparer.Ordinal))
                problems.Add(new Problem(spec.Location, name, $"unknown field for '{type}'; expected " +
                    (fields.Count == 0 ? "no fields" : "one of: " + string.Join(", ", fields))));
        }
    }

    /// <summary>A required scalar read as text (YAML may hand over <c>14</c> where "14" was meant).</summary>
    public static string? RequiredText(this AssertionSpec spec, string name, List<Problem> problems, bool allowEmpty = false)
    {
        var node = spec.Args[name];
        if (node is null)
        {
            problems.Add(Missing(spec, name, "a string"));
            return null;
        }
        if (!IsScalar(node))
        {
            problems.Add(WrongKind(spec, name, node, "a string"));
            return null;
        }
        var text = spec.GetString(name) ?? "";
        if (!allowEmpty && text.Length == 0)
        {
            problems.Add(new Problem(spec.Location, name, "must not be empty"));
            return null;
        }
        return text;
    }

    /// <summary>A required number (a JSON number or a numeric string) within [min, max].</summary>
    public static double? RequiredNumber(this AssertionSpec spec, string name, List<Problem> problems, double min = double.MinValue, double max = double.MaxValue)
    {
        if (spec.Args[name] is null)
        {
            problems.Add(Missing(spec, name, "a number"));
            return null;
        }
        return Number(spec, name, problems, min, max);
    }

    /// <summary>A required whole number within [0, max]; <paramref name="unit"/> names what it counts in the problem text.</summary>
    public static long? RequiredCount(this AssertionSpec spec, string name, string unit, List<Problem> problems, long max = long.MaxValue)
    {
        if (spec.RequiredNumber(name, problems, min: 0, max: max) is not { } value)
            return null;
        if (value != Math.Floor(value))
        {
            problems.Add(new Problem(spec.Location, name, $"expected a whole number of {unit}, found {value}"));
            return null;
        }
        return (long)value;
    }

    /// <summary>An optional number within [min, max]; <paramref name="fallback"/> when absent.</summary>
    public static double OptionalNumber(this AssertionSpec spec, string name, double fallback, List<Problem> problems, double min = double.MinValue, double max = double.MaxValue) =>
        spec.Args[name] is null ? fallback : Number(spec, name, problems, min, max) ?? fallback;

    /// <summary>An optional boolean (true/false, or the strings "true"/"false").</summary>
    public static bool OptionalBool(this AssertionSpec spec, string name, bool fallback, List<Problem> problems)
    {
        var node = spec.Args[name];
        if (node is null)
            return fallback;
        if (node is JsonValue value)
        {
            if (value.TryGetValue(out bool b))
                return b;
            if (value.TryGetValue(out string? s) && bool.TryParse(s, out b))
                return b;
        }
        problems.Add(new Problem(spec.Location, name, $"expected true or false, found {Describe(node)}"));
        return fallback;
    }

    /// <summary>A required non-empty list of scalars, each read as text.</summary>
    public static string[]? RequiredTextList(this AssertionSpec spec, string name, List<Problem> problems)
    {
        var node = spec.Args[name];
        if (node is null)
        {
            problems.Add(Missing(spec, name, "a list of strings"));
            return null;
        }
        if (node is not JsonArray array)
        {
            problems.Add(WrongKind(spec, name, node, "a list of strings"));
            return null;
        }
        if (array.Count == 0)
        {
            problems.Add(new Problem(spec.Location, name, "must list at least one entry"));
            return null;
        }
        var items = new string[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            if (item is null || !IsScalar(item))
            {
                problems.Add(new Problem(spec.Location, $"{name}[{i}]", $"expected a string, found {Describe(item)}"));
                return null;
            }
            items[i] = item.GetValueKind() == JsonValueKind.String ? item.GetValue<string>() : item.ToJsonString();
        }
        return items;
    }

    /// <summary>A required JSON object.</summary>
    public static JsonObject? RequiredObject(this AssertionSpec spec, string name, List<Problem> problems)
    {
        var node = spec.Args[name];
        if (node is null)
        {
            problems.Add(Missing(spec, name, "an object"));
            return null;
        }
        return OptionalObject(spec, name, problems);
    }

    /// <summary>An optional JSON object; null when absent or wrongly typed (with a problem).</summary>
    public static JsonObject? OptionalObject(this AssertionSpec spec, string name, List<Problem> problems)
    {
        var node = spec.Args[name];
        if (node is null or JsonObject)
            return (JsonObject?)node;
        problems.Add(WrongKind(spec, name, node, "an object"));
        return null;
    }

    /// <summary>"a string", "an object", "the number 3"… for messages about what was found.</summary>
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => $"the string '{node.GetValue<string>()}'",
            JsonValueKind.Number => $"the number {node.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {node.ToJsonString()}",
            _ => node.ToJsonString(),
        },
    };

    private static double? Number(AssertionSpec spec, string name, List<Problem> problems, double min, double max)
    {
        var number = ReadNumber(spec.Args[name]);
        if (number is not { } n || double.IsNaN(n) || double.IsInfinity(n))
        {
            problems.Add(new Problem(spec.Location, name, $"expected a number, found {Describe(spec.Args[name])}"));
            return null;
        }
        if (n < min || n > max)
        {
            problems.Add(new Problem(spec.Location, name, $"expected a number {Range(min, max)}, found {n.ToString(CultureInfo.InvariantCulture)}"));
            return null;
        }
        return n;
    }

    // Bounds like int.MaxValue only guard conversions; naming them would distract.
    // AssertionSpec.GetNumber misses values built from CLR integers (JsonValue.Create(5L)); a loader may build those.
    private static double? ReadNumber(JsonNode? node)
    {
        if (node is not JsonValue value)
            return null;
        var text = value.GetValueKind() switch
        {
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.String => value.GetValue<string>(),
            _ => null,
        };
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static string Range(double min, double max) =>
        min == double.MinValue ? $"at most {max.ToString(CultureInfo.InvariantCulture)}"
        : max >= int.MaxValue ? $"of at least {min.ToString(CultureInfo.InvariantCulture)}"
        : $"between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}";

    private static bool IsScalar(JsonNode node) =>
        node is JsonValue && node.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    private static Problem Missing(AssertionSpec spec, string name, string expected) =>
        new(spec.Location, name, $"missing; expected {expected}");

    private static Problem WrongKind(AssertionSpec spec, string name, JsonNode? node, string expected) =>
        new(spec.Location, name, $"expected {expected}, found {Describe(node)}");
}
