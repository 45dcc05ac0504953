using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AgentOps.Evals.Evaluation.Structure;

/// <summary>
/// A JSONPath subset: <c>$</c>, <c>.name</c>, <c>['name']</c>, <c>[index]</c> (negative counts from the end), <c>[*]</c> and <c>.*</c>.
/// Enough to point at a field of a structured answer; filters and recursive descent are refused at load time.
/// </summary>
internal sealed class JsonPath
{
    private enum StepKind { Name, Index, Wildcard }

    private readonly record struct Step(StepKind Kind, string Name, int Index);

    private readonly Step[] _steps;

    private JsonPath(string text, Step[] steps)
    {
        Text = text;
        _steps = steps;
        HasWildcard = Array.Exists(steps, s => s.Kind == StepKind.Wildcard);
    }

    public string Text { get; }

    /// <summary>True when the path can select many nodes; its result is then the list of them.</summary>
    public bool HasWildcard { get; }

    public static bool TryParse(string text, out JsonPath? path, out string error)
    {
        path = null;
        if (text.Length == 0 || text[0] != '$')
        {
            error = "must start with '$' (e.g. $.order.items[0].sku)";
            return false;
        }
        var steps = new List<Step>();
        var i = 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '.')
            {
                i++;
                if (i < text.Length && text[i] == '.')
                {
                    error = $"recursive descent '..' at char {i - 1} is not supported; write the full path";
                    return false;
                }
                if (i < text.Length && text[i] == '*')
                {
                    steps.Add(new Step(StepKind.Wildcard, "", 0));
                    i++;
                    continue;
                }
                var start = i;
                while (i < text.Length && text[i] != '.' && text[i] != '[')
                    i++;
                if (i == start)
                {
                    error = $"expected a property name after '.' at char {start - 1}";
                    return false;
                }
                steps.Add(new Step(StepKind.Name, text[start..i], 0));
            }
            else if (c == '[')
            {
                if (!TryParseBracket(text, ref i, steps, out error))
                    return false;
            }
            else
            {
                error = $"unexpected '{c}' at char {i}; expected '.' or '['";
                return false;
            }
        }
        path = new JsonPath(text, [.. steps]);
        error = "";
        return true;
    }

    /// <summary>
    /// The nodes the path selects (a JSON null is selected as a null entry). When nothing is selected,
    /// <paramref name="missedStep"/> describes the step that matched nothing and what it looked in.
    /// </summary>
    public List<JsonNode?> Select(JsonNode? root, out string missedStep)
    {
        var current = new List<JsonNode?> { root };
        var next = new List<JsonNode?>();
        var prefix = new StringBuilder("$");
        foreach (var step in _steps)
        {
            next.Clear();
            foreach (var node in current)
                Apply(step, node, next);
            if (next.Count == 0)
            {
                missedStep = $"{Describe(step)} matched nothing in {prefix}, which is {DescribeNodes(current)}";
                return next;
            }
            prefix.Append(step.Kind switch
            {
                StepKind.Name => "." + step.Name,
                StepKind.Index => $"[{step.Index.ToString(CultureInfo.InvariantCulture)}]",
                _ => "[*]",
            });
            (current, next) = (next, current);
        }
        missedStep = "";
        return current;
    }

    private static void Apply(Step step, JsonNode? node, List<JsonNode?> into)
    {
        switch (step.Kind)
        {
            case StepKind.Name when node is JsonObject obj && obj.TryGetPropertyValue(step.Name, out var child):
                into.Add(child);
                break;
            case StepKind.Index when node is JsonArray array:
                var index = step.Index < 0 ? array.Count + step.Index : step.Index;
                if (index >= 0 && index < array.Count)
                    into.Add(array[index]);
                break;
            case StepKind.Wildcard when node is JsonArray array:
                foreach (var item in array)
                    into.Add(item);
                break;
            case StepKind.Wildcard when node is JsonObject obj:
                foreach (var (_, value) in obj)
                    into.Add(value);
                break;
        }
    }

    private static bool TryParseBracket(string text, ref int i, List<Step> steps, out string error)
    {
        var open = i;
        i++;
        if (i < text.Length && text[i] == '*')
        {
            i++;
            steps.Add(new Step(StepKind.Wildcard, "", 0));
        }
        else if (i < text.Length && text[i] is '\'' or '"')
        {
            var quote = text[i++];
            var name = new StringBuilder();
            while (i < text.Length && text[i] != quote)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                    i++;
                name.Append(text[i++]);
            }
            if (i >= text.Length)
            {
                error = $"unterminated quoted name starting at char {open + 1}";
                return false;
            }
            i++;
            steps.Add(new Step(StepKind.Name, name.ToString(), 0));
        }
        else
        {
            var start = i;
            if (i < text.Length && text[i] == '-')
                i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
            if (!int.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
            {
                error = $"expected an index, '*' or a quoted name inside '[' at char {open}";
                return false;
            }
            steps.Add(new Step(StepKind.Index, "", index));
        }
        if (i >= text.Length || text[i] != ']')
        {
            error = $"expected ']' at char {i}";
            return false;
        }
        i++;
        error = "";
        return true;
    }

    private static string Describe(Step step) => step.Kind switch
    {
        StepKind.Name => $"'{step.Name}'",
        StepKind.Index => $"[{step.Index.ToString(CultureInfo.InvariantCulture)}]",
        _ => "[*]",
    };

    private static string DescribeNodes(List<JsonNode?> nodes) =>
        nodes.Count == 1 ? DescribeNode(nodes[0]) : $"{nodes.Count} nodes";

    private static string DescribeNode(JsonNode? node) => node switch
    {
        JsonObject obj when obj.Count == 0 => "an empty object",
        JsonObject obj => $"an object with keys {Excerpt.Of(string.Join(", ", obj.Select(p => p.Key)), 80)}",
        JsonArray array => $"a list of {array.Count}",
        _ => AssertionFields.Describe(node),
    };
}
