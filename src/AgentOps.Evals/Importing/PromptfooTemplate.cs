using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentOps.Evals.Importing;

/// <summary>The part of Nunjucks promptfoo configs use in prompts and assertion values: <c>{{ name }}</c>, <c>{{ a.b }}</c>,
/// <c>{{ a[0] }}</c>, the filters dump/tojson, upper, lower, trim, and if/for blocks (<see cref="PromptfooBlocks"/>).
/// Anything else stays as written and is reported.</summary>
internal static partial class PromptfooTemplate
{
    /// <summary>True when <paramref name="text"/> holds a placeholder or a block tag.</summary>
    public static bool HasTemplate(string text) => text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal);

    /// <summary>Renders <paramref name="template"/>; <paramref name="unresolved"/> lists what could not be rendered.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, JsonNode?> vars, ICollection<string> unresolved)
    {
        if (!HasTemplate(template))
            return template;
        if (template.Contains("{%", StringComparison.Ordinal) || template.Contains("{#", StringComparison.Ordinal))
        {
            // Blocks render first, each body's placeholders with that block's vars (a for loop's item); a block this
            // renderer does not know leaves the whole template as written, named in the note, never half-rendered.
            var rendered = PromptfooBlocks.Render(template, vars, (text, blockVars) => Placeholders(text, blockVars, unresolved), out var problem);
            if (rendered is not null) return rendered;
            unresolved.Add("{% … %} block: " + problem);
            return template;
        }
        return Placeholders(template, vars, unresolved);
    }

    private static string Placeholders(string template, IReadOnlyDictionary<string, JsonNode?> vars, ICollection<string> unresolved)
    {
        var text = Placeholder().Replace(template, m =>
        {
            var expression = m.Groups[1].Value.Trim();
            var parts = expression.Split('|', StringSplitOptions.TrimEntries);
            if (!TryResolve(parts[0], vars, out var node) && !TryDefault(parts, out node))
            {
                unresolved.Add(m.Value);
                return m.Value;
            }
            var value = PromptfooJson.VarText(node);
            foreach (var filter in parts.Skip(1))
            {
                switch (filter)
                {
                    case "dump" or "tojson" or "json": value = node?.ToJsonString() ?? "null"; break;
                    case "upper": value = value.ToUpperInvariant(); break;
                    case "lower": value = value.ToLowerInvariant(); break;
                    case "trim": value = value.Trim(); break;
                    case "safe" or "escape" or "e": break;
                    case var f when f.StartsWith("default(", StringComparison.Ordinal): break;
                    default: unresolved.Add(m.Value); return m.Value;
                }
            }
            return value;
        });
        return text;
    }

    /// <summary>True for a var path such as <c>a</c>, <c>a.b</c> or <c>a[0]</c>.</summary>
    internal static bool IsPath(string text) => PathPattern().IsMatch(text);

    internal static bool TryResolvePath(string path, IReadOnlyDictionary<string, JsonNode?> vars, out JsonNode? node) => TryResolve(path, vars, out node);

    /// <summary><c>{{ x | default('y') }}</c> for a var the test does not set.</summary>
    private static bool TryDefault(string[] parts, out JsonNode? node)
    {
        node = null;
        var filter = parts.Skip(1).FirstOrDefault(p => p.StartsWith("default(", StringComparison.Ordinal) && p.EndsWith(')'));
        if (filter is null) return false;
        node = filter["default(".Length..^1].Trim().Trim('"', '\'');
        return true;
    }

    private static bool TryResolve(string path, IReadOnlyDictionary<string, JsonNode?> vars, out JsonNode? node)
    {
        node = null;
        var match = PathPattern().Match(path);
        if (!match.Success || !vars.TryGetValue(match.Groups[1].Value, out node))
            return false;
        foreach (Capture step in match.Groups["step"].Captures)
        {
            var key = step.Value.TrimStart('.').Trim('[', ']').Trim('"', '\'');
            if (node is JsonValue v && v.TryGetValue(out string? s) && PromptfooJson.TryParse(s) is JsonObject or JsonArray)
                node = PromptfooJson.TryParse(s);
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(key, out var child) => child,
                JsonArray a when int.TryParse(key, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            if (node is null)
                return false;
        }
        return true;
    }

    [GeneratedRegex(@"\{\{-?\s*(.+?)\s*-?\}\}", RegexOptions.Singleline)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^([A-Za-z_$][\w$\-]*)(?<step>\.[A-Za-z_$][\w$\-]*|\[\d+\]|\[""[^""]*""\]|\['[^']*'\])*$")]
    private static partial Regex PathPattern();
}
