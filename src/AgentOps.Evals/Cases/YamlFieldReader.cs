using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentOps.Evals.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Cases;

/// <summary>
/// Reads typed fields out of YAML nodes and records a problem (file:line:col, field path, found/expected) for every
/// mismatch instead of throwing, so a loader reports all problems of a file at once.
/// </summary>
internal sealed class YamlFieldReader(string file, ICollection<Problem> problems)
{
    // YamlNode equality is structural; a misspelling belongs to one mapping instance.
    private readonly HashSet<(YamlNode Map, string Field)> _misspelled = new(new NodeFieldComparer());

    public string File => file;

    public ICollection<Problem> Problems => problems;

    public SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    public void Report(YamlNode node, string field, string message) => problems.Add(new Problem(At(node), field, message));

    public static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    public static string Index(string path, int index) => $"{path}[{index}]";

    /// <summary>How a node reads in "found …": a quoted scalar (shortened), "a list", "a mapping" or "nothing".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s when IsNull(s) => "nothing (null)",
        YamlScalarNode s => "'" + Shorten(s.Value ?? "") + "'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an unknown node",
    };

    public static bool IsNull(YamlNode? node) =>
        node is null || node is YamlScalarNode s && YamlJsonConverter.IsPlain(s) && YamlScalars.IsNull(s.Value ?? "");

    /// <summary>
    /// The mapping's fields by name. Unknown names get a did-you-mean problem; <paramref name="rejected"/> may give a
    /// specific message for a name that is known to be wrong (e.g. a secret written inline).
    /// </summary>
    public Dictionary<string, YamlNode> Fields(YamlMappingNode map, string path, IReadOnlyCollection<string> known, Func<string, string?>? rejected = null)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Report(keyNode, path, $"found {Describe(keyNode)} as a key, expected a field name");
                continue;
            }
            if (rejected?.Invoke(key) is { } message)
            {
                Report(keyNode, Join(path, key), message);
                continue;
            }
            if (!known.Contains(key))
            {
                Report(keyNode, Join(path, key), $"found unknown field `{key}`, {NameSuggestion.Hint(key, known)}");
                if (NameSuggestion.Closest(key, known) is { } meant) _misspelled.Add((map, meant));
                continue;
            }
            fields[key] = value;
        }
        return fields;
    }

    /// <summary>Reports a missing required field, unless a misspelling of it was reported already (one mistake, one problem).</summary>
    public void Missing(YamlNode parent, string field, string expected)
    {
        if (!_misspelled.Contains((parent, LastSegment(field))))
            Report(parent, field, $"missing field `{LastSegment(field)}`, expected {expected}");
    }

    public YamlMappingNode? Mapping(YamlNode? node, string field, string expected = "a mapping")
    {
        if (node is null) return null;
        if (node is YamlMappingNode map) return map;
        Report(node, field, $"found {Describe(node)}, expected {expected}");
        return null;
    }

    /// <summary>A list; null (<c>field:</c> or <c>~</c>) reads as an empty list.</summary>
    public YamlSequenceNode? Sequence(YamlNode? node, string field, string expected = "a list")
    {
        if (node is null || IsNull(node)) return null;
        if (node is YamlSequenceNode seq) return seq;
        Report(node, field, $"found {Describe(node)}, expected {expected}");
        return null;
    }

    /// <summary>A scalar's text (numbers and booleans as written); null, lists and mappings are problems.</summary>
    public string? Text(YamlNode? node, string field, string expected = "text")
    {
        if (node is null) return null;
        if (node is YamlScalarNode s && !IsNull(s)) return s.Value ?? "";
        Report(node, field, $"found {Describe(node)}, expected {expected}");
        return null;
    }

    public string? OneOf(YamlNode? node, string field, IReadOnlyList<string> allowed)
    {
        var expected = "one of " + string.Join(", ", allowed);
        if (Text(node, field, expected) is not { } text) return null;
        if (allowed.Contains(text, StringComparer.Ordinal)) return text;
        var close = NameSuggestion.Closest(text, allowed);
        Report(node!, field, $"found '{Shorten(text)}', expected {expected}" + (close is null ? "" : $" (did you mean `{close}`?)"));
        return null;
    }

    public long? Integer(YamlNode? node, string field, long min, long max = long.MaxValue)
    {
        if (node is null) return null;
        var expected = max == long.MaxValue ? $"a whole number ≥ {min}" : $"a whole number from {min} to {max}";
        if (node is YamlScalarNode s && YamlJsonConverter.IsPlain(s) && YamlScalars.ResolvePlain(s.Value ?? "") is JsonValue v
            && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long value))
        {
            if (value >= min && value <= max) return value;
        }
        Report(node, field, $"found {Describe(node)}, expected {expected}");
        return null;
    }

    /// <summary>A number in [min, max] (or (min, max] when <paramref name="minExclusive"/>).</summary>
    public double? Number(YamlNode? node, string field, double min, double max = double.MaxValue, bool minExclusive = false)
    {
        if (node is null) return null;
        var expected = (minExclusive, max == double.MaxValue) switch
        {
            (true, true) => $"a number > {Format(min)}",
            (false, true) => $"a number ≥ {Format(min)}",
            (true, false) => $"a number > {Format(min)} and ≤ {Format(max)}",
            (false, false) => $"a number from {Format(min)} to {Format(max)}",
        };
        if (node is YamlScalarNode s && YamlJsonConverter.IsPlain(s) && YamlScalars.ResolvePlain(s.Value ?? "") is JsonValue v
            && v.GetValueKind() == JsonValueKind.Number)
        {
            var value = v.TryGetValue(out double d) ? d : v.TryGetValue(out long l) ? l : (double)v.GetValue<decimal>();
            if ((minExclusive ? value > min : value >= min) && value <= max) return value;
        }
        Report(node, field, $"found {Describe(node)}, expected {expected}");
        return null;
    }

    public List<string> TextList(YamlNode? node, string field, string itemExpected = "text")
    {
        var items = new List<string>();
        if (Sequence(node, field, $"a list of {itemExpected}") is not { } seq) return items;
        for (var i = 0; i < seq.Children.Count; i++)
            if (Text(seq.Children[i], Index(field, i), itemExpected) is { } text) items.Add(text);
        return items;
    }

    /// <summary>A single string or a list of strings (for settings like globs that take one or many).</summary>
    public List<string> TextOrList(YamlNode? node, string field, string itemExpected)
    {
        if (node is YamlScalarNode && !IsNull(node))
            return Text(node, field, itemExpected) is { } one ? [one] : [];
        return TextList(node, field, itemExpected);
    }

    /// <summary>A mapping of names to scalars; values keep their written text.</summary>
    public Dictionary<string, string> TextMap(YamlNode? node, string field, string valueExpected = "text")
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (IsNull(node) || Mapping(node, field, $"a mapping of names to {valueExpected}") is not { } map) return result;
        foreach (var (key, value) in map.Children)
        {
            var name = YamlJsonConverter.KeyText(key);
            if (Text(value, Join(field, name), valueExpected) is { } text) result[name] = text;
        }
        return result;
    }

    public JsonObject? JsonObjectOf(YamlNode? node, string field, string expected = "a mapping") =>
        Mapping(node, field, expected) is { } map ? YamlJsonConverter.ToJsonObject(map) : null;

    private static string LastSegment(string field) => field[(field.LastIndexOf('.') + 1)..];

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= 60 ? oneLine : oneLine[..57] + "...";
    }

    private sealed class NodeFieldComparer : IEqualityComparer<(YamlNode Map, string Field)>
    {
        public bool Equals((YamlNode Map, string Field) x, (YamlNode Map, string Field) y) =>
            ReferenceEquals(x.Map, y.Map) && x.Field == y.Field;

        public int GetHashCode((YamlNode Map, string Field) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Map), obj.Field);
    }
}
