using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentOps.Evals.Tests.FakeServer;

/// <summary>
/// A sanity check of the scripted agent against a case's deterministic assertions. Not the product's evaluators:
/// just enough to know the script answers what the golden set expects.
/// </summary>
internal static class ScriptCheck
{
    private static readonly string[] RefusalMarkers = ["I can't", "I cannot", "I'm unable", "I am unable", "I won't", "As an AI"];

    /// <summary>Every failed assertion, described; empty when the outcome meets the case.</summary>
    public static IReadOnlyList<string> Failures(CaseFile goldenCase, ScriptedConversation.Outcome outcome)
    {
        var failures = new List<string>();
        var text = outcome.Text;
        foreach (var a in goldenCase.Expect)
        {
            var type = (string)a["type"]!;
            var value = a["value"];
            var ok = type switch
            {
                "contains" => text.Contains((string)value!, StringComparison.Ordinal),
                "not-contains" => !text.Contains((string)value!, StringComparison.Ordinal),
                "icontains" => text.Contains((string)value!, StringComparison.OrdinalIgnoreCase),
                "equals" => text == (string)value!,
                "starts-with" => text.StartsWith((string)value!, StringComparison.Ordinal),
                "regex" => Regex.IsMatch(text, (string)a["pattern"]!, RegexOptions.None, TimeSpan.FromSeconds(1)),
                "one-of" => a["values"]!.AsArray().Any(v => (string?)v == text),
                "is-json" or "json-schema" => TryParse(text) is not null,
                "json-path" => JsonPath(TryParse(text), (string)a["path"]!) is { } found && JsonNode.DeepEquals(found, a["equals"]),
                "tool-called" => outcome.Calls.Any(c => c.Name == (string)a["name"]! && IsSubset(a["args"], c.Args)),
                "tool-not-called" => outcome.Calls.All(c => c.Name != (string)a["name"]!),
                "max-tool-calls" => outcome.Calls.Count <= (long)value!,
                "tool-order" => IsSubsequence([.. a["names"]!.AsArray().Select(n => (string)n!)], [.. outcome.Calls.Select(c => c.Name)]),
                "finish-reason" => outcome.FinishReason == (string)value!,
                "max-output-tokens" => outcome.OutputTokens <= (long)value!,
                "no-refusal" => !RefusalMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)),
                _ => true, // latency and cost depend on the harness, not on the script
            };
            if (!ok) failures.Add($"{type} {a.ToJsonString()} failed; reply: \"{text}\"; calls: {string.Join(", ", outcome.Calls.Select(c => c.Name + c.Args.ToJsonString()))}");
        }
        return failures;
    }

    private static JsonNode? TryParse(string text)
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

    private static JsonNode? JsonPath(JsonNode? node, string path)
    {
        foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
            node = node is JsonObject obj ? obj[part] : null;
        return node;
    }

    private static bool IsSubset(JsonNode? expected, JsonObject actual) =>
        expected is not JsonObject want || want.All(p => actual.TryGetPropertyValue(p.Key, out var got) && JsonNode.DeepEquals(p.Value, got));

    private static bool IsSubsequence(IReadOnlyList<string> wanted, IReadOnlyList<string> actual)
    {
        var i = 0;
        foreach (var name in actual)
            if (i < wanted.Count && name == wanted[i]) i++;
        return i == wanted.Count;
    }
}
