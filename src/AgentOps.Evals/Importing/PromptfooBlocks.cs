using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentOps.Evals.Importing;

/// <summary>Nunjucks block tags in promptfoo prompts: <c>{% if %}/{% elif %}/{% else %}/{% endif %}</c> and
/// <c>{% for x in list %}</c> / <c>{% for k, v in map %}</c> (with <c>loop.index</c>, <c>loop.first</c>, <c>loop.last</c>),
/// <c>{# comments #}</c> and whitespace control (<c>{%-</c>, <c>-%}</c>). Conditions: a var path, <c>not</c>, <c>and</c>, <c>or</c>,
/// <c>==</c>/<c>!=</c>/<c>&lt;</c>/<c>&gt;</c> against literals or vars, JavaScript truthiness as Nunjucks has it.
/// Any other tag or expression refuses the whole template, naming what stopped it, so nothing renders half-way.</summary>
internal static partial class PromptfooBlocks
{
    /// <summary>The template with its blocks rendered (placeholders inside rendered by <paramref name="renderText"/> with each
    /// block's vars), or null with <paramref name="problem"/> naming the first construct it cannot render.</summary>
    public static string? Render(string template, IReadOnlyDictionary<string, JsonNode?> vars,
        Func<string, IReadOnlyDictionary<string, JsonNode?>, string> renderText, out string? problem)
    {
        problem = null;
        try
        {
            var tokens = Tokenize(Comment().Replace(template, ""));
            var position = 0;
            var nodes = Parse(tokens, ref position, []);
            var output = new StringBuilder();
            Emit(nodes, vars, renderText, output);
            return output.ToString();
        }
        catch (UnsupportedTemplateException e)
        {
            problem = e.Message;
            return null;
        }
    }

    private sealed class UnsupportedTemplateException(string message) : Exception(message);

    private abstract record Node;
    private sealed record TextNode(string Text) : Node;
    private sealed record IfNode(List<(string? Condition, List<Node> Body)> Branches) : Node;
    private sealed record ForNode(string? Key, string Item, string Source, List<Node> Body, List<Node> Else) : Node;

    private sealed record Token(bool IsTag, string Text);

    private static List<Token> Tokenize(string template)
    {
        var tokens = new List<Token>();
        var last = 0;
        foreach (Match m in Tag().Matches(template))
        {
            var text = template[last..m.Index];
            if (m.Groups["ltrim"].Success) text = text.TrimEnd();
            tokens.Add(new Token(false, text));
            tokens.Add(new Token(true, m.Groups["body"].Value.Trim()));
            last = m.Index + m.Length;
            if (m.Groups["rtrim"].Success)
                while (last < template.Length && char.IsWhiteSpace(template[last])) last++;
        }
        tokens.Add(new Token(false, template[last..]));
        return tokens;
    }

    /// <summary>Nodes up to one of <paramref name="stops"/> (left at <paramref name="position"/> for the caller).</summary>
    private static List<Node> Parse(List<Token> tokens, ref int position, string[] stops)
    {
        var nodes = new List<Node>();
        while (position < tokens.Count)
        {
            var token = tokens[position];
            if (!token.IsTag)
            {
                nodes.Add(new TextNode(token.Text));
                position++;
                continue;
            }
            var keyword = token.Text.Split(' ', 2)[0];
            if (stops.Contains(keyword)) return nodes;
            position++;
            switch (keyword)
            {
                case "if":
                {
                    var branches = new List<(string?, List<Node>)>();
                    var condition = token.Text[2..].Trim();
                    while (true)
                    {
                        var body = Parse(tokens, ref position, ["elif", "elseif", "else", "endif"]);
                        branches.Add((condition, body));
                        if (position >= tokens.Count) throw new UnsupportedTemplateException("{% if %} without {% endif %}");
                        var stop = tokens[position++].Text;
                        if (stop == "endif") break;
                        condition = stop.StartsWith("else", StringComparison.Ordinal) && stop.Trim() == "else" ? null : stop[(stop.IndexOf(' ') + 1)..].Trim();
                        if (condition is null)
                        {
                            branches.Add((null, Parse(tokens, ref position, ["endif"])));
                            if (position >= tokens.Count) throw new UnsupportedTemplateException("{% if %} without {% endif %}");
                            position++;
                            break;
                        }
                    }
                    nodes.Add(new IfNode(branches));
                    break;
                }
                case "for":
                {
                    var m = ForHead().Match(token.Text);
                    if (!m.Success) throw new UnsupportedTemplateException($"{{% {token.Text} %}}");
                    var body = Parse(tokens, ref position, ["else", "endfor"]);
                    var otherwise = new List<Node>();
                    if (position < tokens.Count && tokens[position].Text == "else")
                    {
                        position++;
                        otherwise = Parse(tokens, ref position, ["endfor"]);
                    }
                    if (position >= tokens.Count) throw new UnsupportedTemplateException("{% for %} without {% endfor %}");
                    position++;
                    var (key, item) = m.Groups["second"].Success ? (m.Groups["first"].Value, m.Groups["second"].Value) : ((string?)null, m.Groups["first"].Value);
                    nodes.Add(new ForNode(key, item, m.Groups["source"].Value.Trim(), body, otherwise));
                    break;
                }
                default:
                    throw new UnsupportedTemplateException($"{{% {keyword} %}} (only if/elif/else and for are rendered)");
            }
        }
        if (stops.Length > 0) throw new UnsupportedTemplateException($"a block without {{% {stops[^1]} %}}");
        return nodes;
    }

    private static void Emit(List<Node> nodes, IReadOnlyDictionary<string, JsonNode?> vars, Func<string, IReadOnlyDictionary<string, JsonNode?>, string> renderText, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(renderText(text.Text, vars));
                    break;
                case IfNode branching:
                    foreach (var (condition, body) in branching.Branches)
                    {
                        if (condition is not null && !Truthy(Evaluate(condition, vars))) continue;
                        Emit(body, vars, renderText, output);
                        break;
                    }
                    break;
                case ForNode loop:
                {
                    var source = Evaluate(loop.Source, vars);
                    if (source is JsonValue v && v.TryGetValue(out string? s) && PromptfooJson.TryParse(s) is JsonArray or JsonObject) source = PromptfooJson.TryParse(s);
                    List<(JsonNode? Key, JsonNode? Value)> items = source switch
                    {
                        JsonArray array => [.. array.Select(i => ((JsonNode?)null, i))],
                        JsonObject map => [.. map.Select(p => ((JsonNode?)p.Key, p.Value))],
                        null => [],
                        _ => throw new UnsupportedTemplateException($"{{% for %}} over '{loop.Source}', which is not a list or a mapping"),
                    };
                    if (items.Count == 0) Emit(loop.Else, vars, renderText, output);
                    for (var i = 0; i < items.Count; i++)
                    {
                        var inner = new Dictionary<string, JsonNode?>(vars, StringComparer.Ordinal);
                        if (loop.Key is not null) inner[loop.Key] = items[i].Key?.DeepClone();
                        inner[loop.Item] = loop.Key is null && items[i].Key is not null ? items[i].Key?.DeepClone() : items[i].Value?.DeepClone();
                        inner["loop"] = new JsonObject { ["index"] = i + 1, ["index0"] = i, ["first"] = i == 0, ["last"] = i == items.Count - 1, ["length"] = items.Count };
                        Emit(loop.Body, inner, renderText, output);
                    }
                    break;
                }
            }
        }
    }

    /// <summary>A condition: <c>a or b</c>, <c>a and b</c>, <c>not a</c>, <c>a == b</c> (also != &lt; &gt; &lt;= &gt;=), a var path or a literal.</summary>
    private static JsonNode? Evaluate(string expression, IReadOnlyDictionary<string, JsonNode?> vars)
    {
        expression = expression.Trim();
        if (expression.StartsWith('(') && expression.EndsWith(')') && Balanced(expression[1..^1])) return Evaluate(expression[1..^1], vars);
        foreach (var op in new[] { " or ", " and " })
        {
            var at = TopLevel(expression, op);
            if (at < 0) continue;
            var left = Truthy(Evaluate(expression[..at], vars));
            return op == " or " ? left || Truthy(Evaluate(expression[(at + op.Length)..], vars)) : left && Truthy(Evaluate(expression[(at + op.Length)..], vars));
        }
        if (expression.StartsWith("not ", StringComparison.Ordinal)) return !Truthy(Evaluate(expression[4..], vars));
        foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
        {
            var at = TopLevel(expression, op);
            if (at < 0) continue;
            var left = Evaluate(expression[..at], vars);
            var right = Evaluate(expression[(at + op.Length)..], vars);
            return Compare(left, right, op);
        }
        if (Literal(expression, out var literal)) return literal;
        if (PromptfooTemplate.TryResolvePath(expression, vars, out var node)) return node;
        if (PromptfooTemplate.IsPath(expression)) return null; // an unset var is undefined: falsy, as in Nunjucks
        throw new UnsupportedTemplateException($"the expression '{expression}' (only var paths, literals, not/and/or and comparisons are rendered)");
    }

    private static bool Compare(JsonNode? left, JsonNode? right, string op)
    {
        if (Number(left) is { } a && Number(right) is { } b)
            return op switch { "==" => a == b, "!=" => a != b, "<" => a < b, ">" => a > b, "<=" => a <= b, _ => a >= b };
        var (x, y) = (PromptfooJson.VarText(left), PromptfooJson.VarText(right));
        var order = string.CompareOrdinal(x, y);
        return op switch { "==" => x == y && (left is null) == (right is null), "!=" => !(x == y && (left is null) == (right is null)), "<" => order < 0, ">" => order > 0, "<=" => order <= 0, _ => order >= 0 };
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue(out double d) || (v.TryGetValue(out string? s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d))) ? d : null;

    /// <summary>JavaScript truthiness, as Nunjucks' <c>if</c> has it: an empty list is true, an empty text false.</summary>
    private static bool Truthy(JsonNode? node) => node switch
    {
        null => false,
        JsonValue v when v.TryGetValue(out bool b) => b,
        JsonValue v when v.TryGetValue(out double d) => d != 0 && !double.IsNaN(d),
        JsonValue v when v.TryGetValue(out string? s) => s.Length > 0,
        _ => true,
    };

    private static bool Literal(string text, out JsonNode? node)
    {
        node = null;
        if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[^1] == text[0]) { node = text[1..^1]; return true; }
        if (text is "true" or "false") { node = text == "true"; return true; }
        if (text is "none" or "null" or "undefined") return true;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) { node = d; return true; }
        return false;
    }

    /// <summary>Where <paramref name="op"/> first occurs outside quotes and parentheses, or -1.</summary>
    private static int TopLevel(string text, string op)
    {
        var depth = 0;
        char? quote = null;
        for (var i = 0; i <= text.Length - op.Length; i++)
        {
            var c = text[i];
            if (quote is not null) { if (c == quote) quote = null; continue; }
            if (c is '"' or '\'') { quote = c; continue; }
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (depth == 0 && string.CompareOrdinal(text, i, op, 0, op.Length) == 0
                     && !(op is "<" or ">" && i + 1 < text.Length && text[i + 1] == '=')
                     && !(op is "==" or "!=" && i > 0 && text[i - 1] is '=' or '!' or '<' or '>'))
                return i;
        }
        return -1;
    }

    private static bool Balanced(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '(') depth++;
            else if (c == ')' && --depth < 0) return false;
        }
        return depth == 0;
    }

    [GeneratedRegex(@"\{%(?<ltrim>-)?(?<body>.*?)(?<rtrim>-)?%\}", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\{#.*?#\}", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^for\s+(?<first>[A-Za-z_]\w*)(?:\s*,\s*(?<second>[A-Za-z_]\w*))?\s+in\s+(?<source>.+)$", RegexOptions.Singleline)]
    private static partial Regex ForHead();
}
