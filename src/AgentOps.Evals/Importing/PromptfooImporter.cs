using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Importing;

/// <summary>Reads a promptfooconfig.yaml (prompts, providers, tests with vars and assert, defaultTest, test files in
/// YAML, JSON or CSV) into golden cases and candidates. Anything that does not map exactly becomes an <see cref="ImportNote"/>.</summary>
public static partial class PromptfooImporter
{
    /// <summary>Imports <paramref name="configPath"/>; new cases are put in suite <paramref name="suite"/>. Throws <see cref="InputException"/> for unreadable input.</summary>
    public static PromptfooImport Import(string configPath, string suite = "promptfoo")
    {
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var root = ReadDocument(configPath) as JsonObject
            ?? throw new InputException(configPath, "", "expected a mapping (prompts, providers, tests)");
        var notes = new List<ImportNote>();

        foreach (var (key, _) in root)
            if (key is not ("description" or "prompts" or "providers" or "tests" or "defaultTest" or "evaluateOptions" or "outputPath" or "sharing"))
                notes.Add(new("", key, "top-level field not imported"));

        var prompts = ReadPrompts(root["prompts"], baseDir, configPath);
        var (systemPrompt, userTemplates) = SplitPrompts(prompts, notes);
        var promptFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        string? promptFile = null;
        if (systemPrompt is not null)
        {
            promptFile = "prompts/promptfoo-system.md";
            promptFiles[promptFile] = systemPrompt;
        }

        var candidates = ReadProviders(root["providers"], promptFile, configPath, notes);
        var defaultTest = root["defaultTest"] as JsonObject;
        var tests = ReadTests(root["tests"], baseDir, configPath);
        var cases = new List<GoldenCase>();
        var location = new SourceLocation(Path.GetFullPath(configPath));
        for (var t = 0; t < tests.Count; t++)
        {
            var test = tests[t];
            var vars = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var source in new[] { defaultTest?["vars"] as JsonObject, test["vars"] as JsonObject })
                if (source is not null)
                    foreach (var (name, value) in source) vars[name] = value is JsonValue v && v.TryGetValue(out string? s) ? s : value?.ToJsonString() ?? "";
            var description = test["description"]?.GetValue<string>();
            for (var p = 0; p < userTemplates.Count; p++)
            {
                var id = CaseId(t, description, userTemplates.Count > 1 ? p : null);
                var expect = new List<AssertionSpec>();
                foreach (var list in new[] { defaultTest?["assert"] as JsonArray, test["assert"] as JsonArray })
                    if (list is not null)
                        foreach (var item in list)
                            if (item is JsonObject assertion && PromptfooAssertionMapper.Map(assertion, id, location, notes) is { } spec)
                                expect.Add(spec);
                if (test["threshold"] is not null) notes.Add(new(id, "threshold", "test-level score threshold not imported: every assertion must pass here"));
                var tags = new List<string> { "promptfoo" };
                if (userTemplates.Count > 1) tags.Add($"prompt:{p + 1}");
                cases.Add(new GoldenCase
                {
                    Id = id,
                    Title = description ?? $"promptfoo test {t + 1}",
                    Tags = tags,
                    Status = expect.Count == 0 ? CaseStatus.NeedsLabel : CaseStatus.Active,
                    Source = "promptfoo import",
                    Input = new CaseInput([new CaseMessage("user", Render(userTemplates[p], vars))], vars, [], []),
                    Expect = expect,
                    Suite = suite,
                    Location = location,
                });
                if (expect.Count == 0) notes.Add(new(id, "assert", "no assertion mapped: written as status needs-label"));
            }
        }

        var options = root["evaluateOptions"] as JsonObject;
        int? k = IntOf(options?["repeat"]);
        int? concurrency = IntOf(options?["maxConcurrency"]);
        return new PromptfooImport(cases, candidates, promptFiles, k, concurrency, notes);
    }

    private static int? IntOf(JsonNode? node) => node is JsonValue v && v.TryGetValue(out int i) ? i : null;

    private static string CaseId(int index, string? description, int? prompt)
    {
        var slug = description is null ? "" : NonSlug().Replace(description.ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 40) slug = slug[..40].TrimEnd('-');
        var id = $"promptfoo-{(index + 1).ToString("0000", CultureInfo.InvariantCulture)}{(slug.Length > 0 ? "-" + slug : "")}";
        return prompt is { } p ? $"{id}-p{p + 1}" : id;
    }

    /// <summary>Nunjucks-style <c>{{ name }}</c>; an unknown name stays as written so the gap shows.</summary>
    private static string Render(string template, IReadOnlyDictionary<string, string> vars) =>
        Placeholder().Replace(template, m => vars.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    /// <summary>A chat-format prompt's system message becomes the candidate's prompt; the user parts become case messages.</summary>
    private static (string? System, List<string> User) SplitPrompts(List<string> prompts, List<ImportNote> notes)
    {
        string? system = null;
        var user = new List<string>();
        foreach (var prompt in prompts)
        {
            var trimmed = prompt.TrimStart();
            if (trimmed.StartsWith('[') && TryParseJson(trimmed) is JsonArray messages)
            {
                var userText = new StringBuilder();
                foreach (var message in messages.OfType<JsonObject>())
                {
                    var role = message["role"]?.GetValue<string>();
                    var content = message["content"]?.GetValue<string>() ?? "";
                    if (role == "system")
                    {
                        if (system is not null && system != content) notes.Add(new("", "prompts", "several different system prompts: the first is the candidates' prompt"));
                        system ??= content;
                    }
                    else if (role == "user") userText.Append(userText.Length > 0 ? "\n\n" : "").Append(content);
                    else notes.Add(new("", "prompts", $"chat message with role '{role}' not imported"));
                }
                user.Add(userText.ToString());
            }
            else user.Add(prompt);
        }
        if (user.Count == 0) user.Add("{{prompt}}");
        if (user.Count > 1) notes.Add(new("", "prompts", $"{user.Count} prompts: each test became {user.Count} cases (tagged prompt:N)"));
        return (system, user);
    }

    private static JsonNode? TryParseJson(string text)
    {
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return null; }
    }

    private static List<string> ReadPrompts(JsonNode? node, string baseDir, string configPath)
    {
        var result = new List<string>();
        var items = node switch { null => [], JsonArray a => a.ToList(), _ => [node] };
        foreach (var item in items)
        {
            var text = item switch
            {
                JsonValue v when v.TryGetValue(out string? s) => s,
                JsonObject o => o["raw"]?.GetValue<string>() ?? o["id"]?.GetValue<string>() ?? "",
                _ => throw new InputException(configPath, "prompts", "expected a prompt text, file:// path or {raw: TEXT}"),
            };
            if (text.StartsWith("file://", StringComparison.Ordinal))
            {
                var path = ResolveFile(text, baseDir, configPath, "prompts");
                result.Add(File.ReadAllText(path));
            }
            else result.Add(text);
        }
        return result;
    }

    private static List<ImportedCandidate> ReadProviders(JsonNode? node, string? promptFile, string configPath, List<ImportNote> notes)
    {
        var result = new List<ImportedCandidate>();
        var items = node switch { null => [], JsonArray a => a.ToList(), _ => [node] };
        foreach (var item in items)
        {
            var id = item switch
            {
                JsonValue v when v.TryGetValue(out string? s) => s,
                JsonObject o => o["id"]?.GetValue<string>() ?? "",
                _ => "",
            };
            var config = (item as JsonObject)?["config"] as JsonObject;
            var label = (item as JsonObject)?["label"]?.GetValue<string>();
            var parts = id.Split(':');
            if (parts[0] != "openai" || parts.Length < 2)
            {
                notes.Add(new("", "providers", $"provider '{id}' not imported: only openai:… providers (any OpenAI-compatible endpoint) map to a candidate"));
                continue;
            }
            var model = parts.Length >= 3 && parts[1] is "chat" ? string.Join(':', parts[2..]) : string.Join(':', parts[1..]);
            if (parts[1] is "embedding" or "embeddings" or "image" or "assistant" or "responses" or "realtime")
            {
                notes.Add(new("", "providers", $"provider '{id}' not imported: only chat models run as candidates"));
                continue;
            }
            var host = config?["apiHost"]?.GetValue<string>();
            var endpoint = config?["apiBaseUrl"]?.GetValue<string>() ?? (host is null ? "https://api.openai.com/v1" : $"https://{host}/v1");
            var keyEnv = config?["apiKeyEnvar"]?.GetValue<string>() ?? (config?["apiKey"] is not null ? null : "OPENAI_API_KEY");
            if (config?["apiKey"] is not null) notes.Add(new("", "providers", $"provider '{id}': an inline apiKey is never copied; set api-key-env"));
            foreach (var (key, _) in config ?? [])
                if (key is not ("apiBaseUrl" or "apiHost" or "apiKeyEnvar" or "apiKey"))
                    notes.Add(new("", "providers", $"provider '{id}': config.{key} not imported"));
            var name = NonSlug().Replace((label ?? model).ToLowerInvariant(), "-").Trim('-');
            while (result.Any(c => c.Name == name)) name += "-2";
            result.Add(new ImportedCandidate(name, model, "pf-" + name, endpoint, keyEnv, promptFile));
        }
        if (result.Count == 0) notes.Add(new("", "providers", "no provider imported: add a candidate by hand"));
        return result;
    }

    private static List<JsonObject> ReadTests(JsonNode? node, string baseDir, string configPath)
    {
        var tests = new List<JsonObject>();
        void Add(JsonNode? item)
        {
            switch (item)
            {
                case null: break;
                case JsonObject test: tests.Add(test); break;
                case JsonArray list: foreach (var entry in list) Add(entry); break;
                case JsonValue v when v.TryGetValue(out string? s) && s.StartsWith("file://", StringComparison.Ordinal):
                    Add(ReadTestFile(ResolveFile(s, baseDir, configPath, "tests"), configPath));
                    break;
                default: throw new InputException(configPath, "tests", $"expected a test, a list of tests or a file:// path, found {item.ToJsonString()}");
            }
        }
        Add(node);
        return tests;
    }

    private static JsonNode? ReadTestFile(string path, string configPath)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".yaml" or ".yml" => ReadDocument(path),
            ".json" => TryParseJson(File.ReadAllText(path)) ?? throw new InputException(path, "", "not valid JSON"),
            ".jsonl" => new JsonArray(File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => TryParseJson(l) ?? throw new InputException(path, "", "a line is not valid JSON")).ToArray()),
            ".csv" => PromptfooCsv.Read(path),
            _ => throw new InputException(configPath, "tests", $"test file '{path}': expected .yaml, .yml, .json, .jsonl or .csv"),
        };
    }

    private static string ResolveFile(string reference, string baseDir, string configPath, string field)
    {
        var relative = reference["file://".Length..];
        var path = Path.GetFullPath(Path.Combine(baseDir, relative));
        if (relative.Contains('*')) throw new InputException(configPath, field, $"'{reference}': globs are not supported; list the files");
        return File.Exists(path) ? path : throw new InputException(configPath, field, $"'{reference}' not found (looked at {path})");
    }

    internal static JsonNode? ReadDocument(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, "", "file not found");
        try
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(path);
            stream.Load(reader);
            return stream.Documents.Count == 0 ? null : YamlJsonConverter.ToJson(stream.Documents[0].RootNode);
        }
        catch (YamlException e)
        {
            throw new InputException(new Problem(new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column), "", $"YAML syntax error: {e.Message}"));
        }
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
