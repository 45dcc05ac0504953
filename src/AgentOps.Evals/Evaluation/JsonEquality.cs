using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Evals.Evaluation;

/// <summary>
/// Deep equality of JSON values as a case author means it: numbers compare numerically (2 = 2.0), strings exactly.
/// The expected side comes from YAML, where <c>2</c> or <c>true</c> may arrive as a string, so an expected numeric
/// or boolean string also matches the actual number or boolean.
/// </summary>
internal static class JsonEquality
{
    public static bool Matches(JsonNode? expected, JsonNode? actual)
    {
        switch (expected)
        {
            case null:
                return actual is null || actual.GetValueKind() == JsonValueKind.Null;
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject || actualObject.Count != expectedObject.Count)
                    return false;
                foreach (var (name, value) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(name, out var other) || !Matches(value, other))
                        return false;
                }
                return true;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray || actualArray.Count != expectedArray.Count)
                    return false;
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    if (!Matches(expectedArray[i], actualArray[i]))
                        return false;
                }
                return true;
            default:
                return actual is JsonValue && ScalarMatches(expected, actual);
        }
    }

    private static bool ScalarMatches(JsonNode expected, JsonNode actual)
    {
        var expectedKind = expected.GetValueKind();
        var actualKind = actual.GetValueKind();
        switch (expectedKind)
        {
            case JsonValueKind.Null:
                return actualKind == JsonValueKind.Null;
            case JsonValueKind.True or JsonValueKind.False:
                return actualKind == expectedKind;
            case JsonValueKind.Number:
                return actualKind == JsonValueKind.Number && NumbersEqual(NumberText(expected), NumberText(actual));
            case JsonValueKind.String:
                var text = expected.GetValue<string>();
                return actualKind switch
                {
                    JsonValueKind.String => string.Equals(text, actual.GetValue<string>(), StringComparison.Ordinal),
                    JsonValueKind.Number => NumbersEqual(text, NumberText(actual)),
                    JsonValueKind.True => string.Equals(text, "true", StringComparison.OrdinalIgnoreCase),
                    JsonValueKind.False => string.Equals(text, "false", StringComparison.OrdinalIgnoreCase),
                    _ => false,
                };
            default:
                return false;
        }
    }

    private static string NumberText(JsonNode node) =>
        node is JsonValue value && value.TryGetValue(out JsonElement element) ? element.GetRawText() : node.ToJsonString();

    private static bool NumbersEqual(string a, string b)
    {
        // Decimal keeps 0.1 + 0.2 style literals exact; double covers exponents beyond decimal's range.
        const NumberStyles style = NumberStyles.Float;
        if (decimal.TryParse(a, style, CultureInfo.InvariantCulture, out var da) && decimal.TryParse(b, style, CultureInfo.InvariantCulture, out var db))
            return da == db;
        return double.TryParse(a, style, CultureInfo.InvariantCulture, out var fa)
            && double.TryParse(b, style, CultureInfo.InvariantCulture, out var fb)
            && fa.Equals(fb);
    }
}
