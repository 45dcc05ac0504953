using System.Text.Json.Nodes;

namespace AgentOps.Evals.Importing;

/// <summary>Reads promptfoo's <c>tests:</c> (inline, <c>file://</c> YAML/JSON/JSONL/CSV with globs, <c>{path}</c>) and <c>scenarios:</c>
/// into test objects; generators and remote datasets are named in a note, never written as empty cases.</summary>
internal static class PromptfooTests
{
    private const int MaxScenarioTests = 2000;

    public static List<JsonObject> Read(JsonObject root, string baseDir, ICollection<ImportNote> notes)
    {
        var tests = new List<JsonObject>();
        Add(root["tests"], baseDir, tests, notes);
        foreach (var scenario in PromptfooJson.Items(root["scenarios"]))
        {
            if (scenario is not JsonObject s)
            {
                notes.Add(new("", "scenarios", "a scenario that is not a mapping: not imported"));
                continue;
            }
            var scenarioTests = new List<JsonObject>();
            Add(s["tests"], baseDir, scenarioTests, notes);
            var configs = PromptfooJson.Items(s["config"]).OfType<JsonObject>().ToList();
            if (configs.Count == 0) configs.Add([]);
            foreach (var config in configs)
            {
                foreach (var test in scenarioTests)
                {
                    if (tests.Count >= MaxScenarioTests) break;
                    var merged = (JsonObject)test.DeepClone();
                    var vars = config["vars"] as JsonObject ?? [];
                    var combined = (JsonObject)vars.DeepClone();
                    foreach (var (name, value) in merged["vars"] as JsonObject ?? []) combined[name] = value?.DeepClone();
                    merged["vars"] = combined;
                    if (merged["description"] is null && PromptfooJson.Text(config["description"]) is { } d) merged["description"] = d;
                    var asserts = new JsonArray([.. PromptfooJson.Items(config["assert"]).Concat(PromptfooJson.Items(merged["assert"])).Select(a => a?.DeepClone())]);
                    if (asserts.Count > 0) merged["assert"] = asserts;
                    tests.Add(merged);
                }
            }
        }
        return tests;
    }

    private static void Add(JsonNode? node, string baseDir, List<JsonObject> tests, ICollection<ImportNote> notes)
    {
        foreach (var item in PromptfooJson.Items(node))
        {
            switch (item)
            {
                case JsonObject test when test["path"] is not null && test["vars"] is null && test["assert"] is null:
                    Add(test["path"], baseDir, tests, notes);
                    break;
                case JsonObject test:
                    tests.Add(test);
                    break;
                case JsonArray list:
                    Add(list, baseDir, tests, notes);
                    break;
                default:
                    if (PromptfooJson.Text(item) is { } text) FromReference(text, baseDir, tests, notes);
                    else notes.Add(new("", "tests", $"unexpected test entry {item?.ToJsonString() ?? "null"}: not imported"));
                    break;
            }
        }
    }

    private static void FromReference(string text, string baseDir, List<JsonObject> tests, ICollection<ImportNote> notes)
    {
        if (!PromptfooFiles.IsFileRef(text) && !text.Contains("://", StringComparison.Ordinal) && Path.HasExtension(text))
            text = PromptfooFiles.Scheme + text;
        if (!PromptfooFiles.IsFileRef(text) && !text.Contains("://", StringComparison.Ordinal))
        {
            notes.Add(new("", "tests", $"unexpected test entry '{text}': not imported"));
            return;
        }
        if (!PromptfooFiles.IsFileRef(text))
        {
            notes.Add(new("", "tests", $"'{text}': a remote dataset is not fetched (the import stays offline); download it and import the file"));
            return;
        }
        var (path, function) = PromptfooFiles.Split(text);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (function is not null || extension is ".js" or ".cjs" or ".mjs" or ".ts" or ".py")
        {
            notes.Add(new("", "tests", $"'{text}': a test generator runs code; not imported (no empty cases written): run it and import its output"));
            return;
        }
        var files = PromptfooFiles.Resolve(text, baseDir);
        if (files.Count == 0)
        {
            notes.Add(new("", "tests", $"'{text}': no such file, its tests are not imported"));
            return;
        }
        foreach (var file in files)
        {
            var data = Path.GetExtension(file).ToLowerInvariant() switch
            {
                ".csv" => PromptfooCsv.Read(file),
                ".yaml" or ".yml" or ".json" or ".jsonl" => PromptfooFiles.TryReadData(file, "tests", notes),
                var other => Unsupported(file, other, notes),
            };
            Add(data, Path.GetDirectoryName(file)!, tests, notes);
        }
    }

    private static JsonNode? Unsupported(string file, string extension, ICollection<ImportNote> notes)
    {
        notes.Add(new("", "tests", $"'{Path.GetFileName(file)}': tests in {extension} files are not read; expected .yaml, .yml, .json, .jsonl or .csv"));
        return null;
    }
}
