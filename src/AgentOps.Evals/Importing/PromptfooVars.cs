using System.Text.Json.Nodes;

namespace AgentOps.Evals.Importing;

/// <summary>A test's vars as promptfoo sees them: defaultTest's under the test's, <c>file://</c> values read, and every list of
/// plain values expanded into one combination per value (promptfoo's cartesian product).</summary>
internal static class PromptfooVars
{
    private const int MaxCombinations = 256;
    private static readonly HashSet<string> TextFiles = [".txt", ".md", ".json", ".yaml", ".yml", ".csv", ".html", ".xml", ".j2", ".prompt", ".jsonl", ""];

    /// <summary>The combinations for one test, in promptfoo's order (first var slowest).</summary>
    public static List<Dictionary<string, JsonNode?>> Expand(JsonNode? defaults, JsonNode? vars, string baseDir, string caseId, ICollection<ImportNote> notes)
    {
        var merged = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var source in new[] { Object(defaults, baseDir, caseId, notes), Object(vars, baseDir, caseId, notes) })
            foreach (var (name, value) in source)
                merged[name] = Load(value, baseDir, caseId, name, notes);

        var combinations = new List<Dictionary<string, JsonNode?>> { new(StringComparer.Ordinal) };
        foreach (var (name, value) in merged)
        {
            var choices = value is JsonArray array && array.Count > 0 && array.All(v => v is JsonValue) ? array.ToList() : [value];
            var next = new List<Dictionary<string, JsonNode?>>();
            foreach (var combination in combinations)
            {
                foreach (var choice in choices)
                {
                    if (next.Count >= MaxCombinations) break;
                    next.Add(new Dictionary<string, JsonNode?>(combination, StringComparer.Ordinal) { [name] = choice?.DeepClone() });
                }
            }
            if (combinations.Count * choices.Count > MaxCombinations)
                notes.Add(new(caseId, "vars", $"list vars expand to more than {MaxCombinations} combinations: the first {MaxCombinations} imported"));
            combinations = next;
        }
        return combinations;
    }

    private static JsonObject Object(JsonNode? node, string baseDir, string caseId, ICollection<ImportNote> notes)
    {
        if (node is null) return [];
        if (node is JsonObject o) return o;
        if (PromptfooJson.Text(node) is { } text && PromptfooFiles.IsFileRef(text))
        {
            var files = PromptfooFiles.Resolve(text, baseDir);
            if (files.Count == 1 && PromptfooFiles.TryReadData(files[0], "vars", notes) is JsonObject loaded) return loaded;
        }
        notes.Add(new(caseId, "vars", $"vars {Short(node.ToJsonString())} are not a mapping: not imported"));
        return [];
    }

    /// <summary>A <c>file://</c> var becomes the file's text (a glob, the list of their texts); a script or binary file stays a path, with a note.</summary>
    private static JsonNode? Load(JsonNode? value, string baseDir, string caseId, string name, ICollection<ImportNote> notes)
    {
        if (value is JsonArray array)
            return new JsonArray([.. array.Select(v => Load(v, baseDir, caseId, name, notes))]);
        if (PromptfooJson.Text(value) is not { } text || !PromptfooFiles.IsFileRef(text))
            return value?.DeepClone();
        var (path, _) = PromptfooFiles.Split(text);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!TextFiles.Contains(extension))
        {
            notes.Add(new(caseId, "vars", $"var '{name}': {text} ({(extension is ".js" or ".py" or ".ts" ? "a script promptfoo runs" : "a binary file")}) kept as its path"));
            return text;
        }
        var files = PromptfooFiles.Resolve(text, baseDir);
        if (files.Count == 0)
        {
            notes.Add(new(caseId, "vars", $"var '{name}': {text} not found, kept as its path"));
            return text;
        }
        return files.Count == 1 && !path.Contains('*') ? File.ReadAllText(files[0]) : new JsonArray([.. files.Select(f => (JsonNode?)File.ReadAllText(f))]);
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
