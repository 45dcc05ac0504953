using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Tests.Harvesting;

/// <summary>
/// Finds planted originals left in a harvest's output: every key and scalar of every case file and triage.json, and the
/// text of triage.md. Same rule as bench/harvest/planted/count_leaks.py: a name leaks when any of its tokens (3+ letters,
/// whole word, particles such as "bin" or "van" aside) survives, an e-mail by its local part, a number with its separators
/// removed, an address by its street part. A case's declared fakes (evidence.synthetic) are masked in its own fields: a
/// fake drawn from the same name pool as a planted name is not that name leaking.
/// </summary>
internal static class HarvestOutputLeaks
{
    public static List<string> Fields(string folder)
    {
        var fields = new List<string>();
        var everyFake = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories))
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(file)));
            foreach (var document in yaml.Documents)
            {
                var mine = new List<string>();
                Walk(document.RootNode, mine);
                var fakes = Synthetic(document.RootNode).SelectMany(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .Where(f => f.Length >= 3).Distinct().OrderByDescending(f => f.Length).ToList();
                everyFake.UnionWith(fakes);
                fields.AddRange(mine.Select(text => fakes.Aggregate(text, (t, fake) =>
                    Regex.Replace(t, @"(?<!\w)" + Regex.Escape(fake) + @"(?!\w)", "<fake>"))));
            }
        }
        // The triage files quote every case, so each case's fakes are masked there too (with a random key a fake such as
        // "Weber" is sometimes drawn for one case while another case's real "Jonas Weber" was replaced: not a leak).
        var triage = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "triage.json", SearchOption.AllDirectories)) Walk(JsonNode.Parse(File.ReadAllText(file)), triage);
        foreach (var file in Directory.GetFiles(folder, "triage.md", SearchOption.AllDirectories)) triage.Add(File.ReadAllText(file));
        var ordered = everyFake.OrderByDescending(f => f.Length).ToList();
        fields.AddRange(triage.Select(text => ordered.Aggregate(text, (t, fake) => Regex.Replace(t, @"(?<!\w)" + Regex.Escape(fake) + @"(?!\w)", "<fake>"))));
        return fields;
    }

    /// <summary>The part of <paramref name="value"/> found in <paramref name="fields"/>, or null when none survives.</summary>
    public static string? Leaked(string kind, string value, IReadOnlyList<string> fields)
    {
        switch (kind)
        {
            case "person-name":
                var tokens = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (tokens.Length == 1) return fields.Any(f => f.Contains(value, StringComparison.OrdinalIgnoreCase)) ? value : null;
                foreach (var token in tokens.Where(t => t.Length >= 3 && !Particles.Contains(t)))
                {
                    var word = new Regex(@"(?<!\w)" + Regex.Escape(token) + @"(?!\w)", RegexOptions.IgnoreCase);
                    if (fields.Any(f => word.IsMatch(f))) return token;
                }
                return null;
            case "street-address":
                var street = value.Split(',')[0].Trim();
                return fields.Any(f => f.Contains(street, StringComparison.OrdinalIgnoreCase)) ? street : null;
            case "email":
                return fields.Any(f => f.Contains(value, StringComparison.OrdinalIgnoreCase)) ? value : null;
            default:
                var squashed = Squash(value);
                return fields.Any(f => Squash(f).Contains(squashed, StringComparison.Ordinal)) ? value : null;
        }
    }

    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "von", "der", "den", "del", "della", "dos", "das", "bin", "binti", "ibn", "ben",
    };

    private static IEnumerable<string> Synthetic(YamlNode root) =>
        root is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("evidence"), out var evidence) && evidence is YamlMappingNode e
        && e.Children.TryGetValue(new YamlScalarNode("synthetic"), out var synthetic) && synthetic is YamlSequenceNode list
            ? list.OfType<YamlScalarNode>().Select(n => n.Value ?? "") : [];

    private static string Squash(string text) => Regex.Replace(text, @"[\s\-().+/]", "").ToLowerInvariant();

    private static void Walk(YamlNode node, List<string> fields)
    {
        switch (node)
        {
            case YamlScalarNode scalar: fields.Add(scalar.Value ?? ""); break;
            case YamlSequenceNode sequence: foreach (var child in sequence) Walk(child, fields); break;
            case YamlMappingNode mapping:
                foreach (var (k, v) in mapping) { Walk(k, fields); Walk(v, fields); }
                break;
        }
    }

    private static void Walk(JsonNode? node, List<string> fields)
    {
        switch (node)
        {
            case JsonObject obj: foreach (var (k, v) in obj) { fields.Add(k); Walk(v, fields); } break;
            case JsonArray array: foreach (var item in array) Walk(item, fields); break;
            case JsonValue value: fields.Add(value.ToString()); break;
        }
    }
}
