using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentOps.Evals.Importing;

/// <summary>Reads promptfoo's loosely typed YAML without trusting its shape: a number where text was expected is text,
/// a list where one item was expected is a list, anything else is null (the caller notes it, never crashes).</summary>
internal static partial class PromptfooJson
{
    /// <summary>A scalar as text (<c>14</c> → "14", <c>true</c> → "true"); null for objects, lists and null.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value ? value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.ToJsonString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    } : null;

    /// <summary>A number, or a numeric string, or null.</summary>
    public static double? Number(JsonNode? node) =>
        Text(node) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A list as its items, a single item as a list of one, null as none.</summary>
    public static List<JsonNode?> Items(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array],
        _ => [node],
    };

    /// <summary>A var's value as the text a template shows: scalars as written, objects and lists as JSON.</summary>
    public static string VarText(JsonNode? node) => Text(node) ?? node?.ToJsonString() ?? "";

    /// <summary>Lower-case letters, digits and dashes, at most <paramref name="max"/> characters.</summary>
    public static string Slug(string text, int max = 40)
    {
        var slug = NonSlug().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > max ? slug[..max].TrimEnd('-') : slug;
    }

    public static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
