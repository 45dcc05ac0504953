using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Evals.Judging;

/// <summary>
/// Reads a judge's reply tolerantly: the JSON object may sit in a code fence or among prose, the score may be a
/// number, a numeric string ("4", "4/5") or a word ("four", "pass"). Anything else is an error with a reason,
/// never a guess.
/// </summary>
internal static class JudgeVerdictParser
{
    private static readonly string[] ScoreWords = ["zero", "one", "two", "three", "four", "five"];
    private static readonly string[] PassWords = ["pass", "passed", "yes", "true", "correct", "equivalent", "grounded", "appropriate"];
    private static readonly string[] FailWords = ["fail", "failed", "no", "false", "incorrect", "not equivalent", "not grounded", "inappropriate", "not appropriate"];
    private static readonly string[] ReasonFields = ["reasoning", "reason", "explanation", "rationale"];
    private static readonly string[] VerdictFields = ["verdict", "pass", "passed", "result"];

    /// <summary>The JSON shape the judge is asked for, as shown in the prompt.</summary>
    public static string Shape(JudgeScale scale) => scale == JudgeScale.OneToFive
        ? """{"reasoning": "<one or two sentences>", "score": <integer 1 to 5>}"""
        : """{"reasoning": "<one or two sentences>", "verdict": "pass" or "fail"}""";

    /// <summary>The same shape as a JSON schema, for providers that enforce structured output.</summary>
    public static JsonElement Schema(JudgeScale scale) => JsonDocument.Parse(scale == JudgeScale.OneToFive
        ? """{"type":"object","properties":{"reasoning":{"type":"string"},"score":{"type":"integer","minimum":1,"maximum":5}},"required":["reasoning","score"],"additionalProperties":false}"""
        : """{"type":"object","properties":{"reasoning":{"type":"string"},"verdict":{"type":"string","enum":["pass","fail"]}},"required":["reasoning","verdict"],"additionalProperties":false}""").RootElement;

    public static bool TryParse(string? reply, JudgeScale scale, double minScore, out JudgeVerdict? verdict, out string error)
    {
        verdict = null;
        if (string.IsNullOrWhiteSpace(reply))
        {
            error = "the judge replied with nothing";
            return false;
        }
        error = "no JSON object in the reply";
        // The verdict is the judge's final answer: a judge may quote the graded reply's JSON ({"score":5}) while
        // reasoning, so the last object that reads as a verdict wins, never the first.
        foreach (var candidate in Enumerable.Reverse(JsonObjects(reply)))
        {
            if (Read(candidate, scale, minScore, out verdict, out var problem)) return true;
            if (error == "no JSON object in the reply") error = problem;
        }
        return false;
    }

    private static bool Read(JsonObject json, JudgeScale scale, double minScore, out JudgeVerdict? verdict, out string error)
    {
        verdict = null;
        var reasoning = ReasonFields.Select(f => Field(json, f)).FirstOrDefault(n => n is not null) is { } r ? Text(r) : "";
        var scoreNode = Field(json, "score") ?? Field(json, "rating");
        var verdictNode = VerdictFields.Select(f => Field(json, f)).FirstOrDefault(n => n is not null);
        if (scale == JudgeScale.OneToFive)
        {
            if (scoreNode is null)
            {
                error = "the reply has no \"score\"";
                return false;
            }
            if (Score(scoreNode) is not { } score || score < 1 || score > 5)
            {
                error = $"the score {scoreNode.ToJsonString()} is not a number from 1 to 5";
                return false;
            }
            verdict = new JudgeVerdict(score, score >= minScore, reasoning);
            error = "";
            return true;
        }
        var node = verdictNode ?? scoreNode;
        if (node is null)
        {
            error = "the reply has no \"verdict\"";
            return false;
        }
        if (PassFail(node) is not { } passed)
        {
            error = $"the verdict {node.ToJsonString()} is neither pass nor fail";
            return false;
        }
        verdict = new JudgeVerdict(passed ? 1 : 0, passed, reasoning);
        error = "";
        return true;
    }

    private static JsonNode? Field(JsonObject json, string name) =>
        json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Text(JsonNode node) => node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();

    private static double? Score(JsonNode node)
    {
        switch (node.GetValueKind())
        {
            case JsonValueKind.Number:
                return node.GetValue<double>();
            case JsonValueKind.String:
                var text = node.GetValue<string>().Trim().TrimEnd('.').ToLowerInvariant();
                // "4/5" and "4 out of 5" mean 4.
                var cut = text.IndexOfAny(['/', ' ']);
                var head = cut > 0 ? text[..cut] : text;
                if (double.TryParse(head, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return number;
                var word = Array.IndexOf(ScoreWords, head);
                return word >= 0 ? word : null;
            default:
                return null;
        }
    }

    private static bool? PassFail(JsonNode node)
    {
        switch (node.GetValueKind())
        {
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.String:
                var text = node.GetValue<string>().Trim().TrimEnd('.', '!').ToLowerInvariant();
                if (FailWords.Contains(text)) return false;
                if (PassWords.Contains(text)) return true;
                return null;
            default:
                return null;
        }
    }

    /// <summary>Every top-level balanced {…} in the text that parses as a JSON object, in order of appearance (an
    /// object nested in another is part of it, never a verdict of its own; code fences need no special case).</summary>
    private static List<JsonObject> JsonObjects(string text)
    {
        var objects = new List<JsonObject>();
        for (var start = text.IndexOf('{'); start >= 0; start = text.IndexOf('{', start + 1))
        {
            if (Balanced(text, start) is not { } end) continue;
            JsonObject? json;
            try { json = JsonNode.Parse(text[start..(end + 1)]) as JsonObject; }
            catch (JsonException) { json = null; }
            if (json is null) continue;
            objects.Add(json);
            start = end;
        }
        return objects;
    }

    /// <summary>The index of the brace closing the one at <paramref name="start"/>, skipping braces inside strings.</summary>
    private static int? Balanced(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"': inString = true; break;
                case '{': depth++; break;
                case '}':
                    if (--depth == 0) return i;
                    break;
            }
        }
        return null;
    }
}
