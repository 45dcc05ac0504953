using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgentOps.Evals.Cases;

namespace AgentOps.Evals.Importing;

/// <summary>Reads promptfoo's <c>prompts:</c> (text, <c>file://</c> with globs and <c>---</c> splits, chat JSON/YAML whose
/// <c>content</c> may be a list of parts, <c>{raw, label}</c>, a path→label map) into <see cref="PromptfooPrompt"/>s.</summary>
internal static partial class PromptfooPrompts
{
    public static List<PromptfooPrompt> Read(JsonNode? node, string baseDir, ICollection<ImportNote> notes)
    {
        var prompts = new List<PromptfooPrompt>();
        if (node is JsonObject map && map["raw"] is null && map["id"] is null && map["file"] is null)
        {
            // prompts: {file://a.txt: label_a, ...}
            foreach (var (path, label) in map)
                FromReference(path, PromptfooJson.Text(label), baseDir, prompts, notes);
            return prompts;
        }
        foreach (var item in PromptfooJson.Items(node))
        {
            switch (item)
            {
                case JsonValue when PromptfooJson.Text(item) is { } text:
                    FromReference(text, null, baseDir, prompts, notes);
                    break;
                case JsonObject o:
                    var label = PromptfooJson.Text(o["label"]) ?? PromptfooJson.Text(o["id"]);
                    if (PromptfooJson.Text(o["raw"]) is { } raw) Add(raw, label, prompts, notes, isFile: false);
                    else if (o["raw"] is JsonArray chat) AddChat(chat, label ?? $"prompt {prompts.Count + 1}", prompts, notes);
                    else if ((PromptfooJson.Text(o["file"]) ?? PromptfooJson.Text(o["id"])) is { } reference) FromReference(reference, PromptfooJson.Text(o["label"]), baseDir, prompts, notes);
                    else notes.Add(new("", "prompts", "a prompt object without raw, id or file: not imported"));
                    if (o["config"] is not null) notes.Add(new("", "prompts", $"prompt '{label}': per-prompt config not imported"));
                    break;
                case JsonArray chat:
                    AddChat(chat, $"prompt {prompts.Count + 1}", prompts, notes);
                    break;
                default:
                    notes.Add(new("", "prompts", $"unexpected prompt {item?.ToJsonString() ?? "null"}: not imported"));
                    break;
            }
        }
        return prompts;
    }

    private static void FromReference(string text, string? label, string baseDir, List<PromptfooPrompt> prompts, ICollection<ImportNote> notes)
    {
        if (!PromptfooFiles.IsFileRef(text) && !LooksLikePromptFile(text))
        {
            Add(text, label, prompts, notes, isFile: false);
            return;
        }
        var reference = PromptfooFiles.IsFileRef(text) ? text : PromptfooFiles.Scheme + text;
        var files = PromptfooFiles.Resolve(reference, baseDir);
        if (files.Count == 0)
        {
            notes.Add(new("", "prompts", $"'{text}': no such file, prompt not imported"));
            return;
        }
        foreach (var file in files)
        {
            var name = label ?? Path.GetFileName(file);
            var extension = Path.GetExtension(file).ToLowerInvariant();
            switch (extension)
            {
                case ".js" or ".cjs" or ".mjs" or ".ts" or ".py":
                    notes.Add(new("", "prompts", $"'{Path.GetFileName(file)}': a prompt function ({extension}) runs code to build the prompt; not imported, write its output as a prompt file"));
                    break;
                case ".json":
                {
                    var parsed = PromptfooJson.TryParse(File.ReadAllText(file));
                    if (parsed is JsonArray chat) AddChat(chat, name, prompts, notes);
                    else Add(File.ReadAllText(file), name, prompts, notes, isFile: true);
                    break;
                }
                case ".jsonl":
                    foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
                    {
                        if (PromptfooJson.TryParse(line) is JsonArray chat) AddChat(chat, name, prompts, notes);
                        else notes.Add(new("", "prompts", $"'{Path.GetFileName(file)}': a line that is not a chat array was skipped"));
                    }
                    break;
                case ".yaml" or ".yml":
                {
                    var parsed = PromptfooFiles.TryReadData(file, "prompts", notes);
                    if (parsed is JsonArray chat) AddChat(chat, name, prompts, notes);
                    else if (PromptfooJson.Text(parsed) is { } yamlText) Add(yamlText, name, prompts, notes, isFile: true);
                    else notes.Add(new("", "prompts", $"'{Path.GetFileName(file)}': expected a list of chat messages; not imported"));
                    break;
                }
                default:
                    Add(File.ReadAllText(file), name, prompts, notes, isFile: true);
                    break;
            }
        }
    }

    private static bool LooksLikePromptFile(string text) =>
        !text.Contains('\n') && !text.Contains(' ') && PromptFileName().IsMatch(text);

    /// <summary>A text prompt; a file's prompts are split on lines of <c>---</c>, as promptfoo does. Inline chat JSON is a chat prompt.</summary>
    private static void Add(string text, string? label, List<PromptfooPrompt> prompts, ICollection<ImportNote> notes, bool isFile)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('[') && PromptfooJson.TryParse(trimmed) is JsonArray chat)
        {
            AddChat(chat, label ?? $"prompt {prompts.Count + 1}", prompts, notes);
            return;
        }
        var parts = isFile ? Separator().Split(text).Where(p => p.Trim().Length > 0).ToList() : [text];
        for (var i = 0; i < parts.Count; i++)
        {
            var name = label is null ? $"prompt {prompts.Count + 1}" : parts.Count > 1 ? $"{label} #{i + 1}" : label;
            prompts.Add(new PromptfooPrompt(name, [new CaseMessage("user", isFile ? parts[i].Trim() : parts[i])]));
        }
    }

    /// <summary>[{role, content}] where content is text or a list of parts ({type: text, text}, images, …).</summary>
    private static void AddChat(JsonArray chat, string label, List<PromptfooPrompt> prompts, ICollection<ImportNote> notes)
    {
        var messages = new List<CaseMessage>();
        foreach (var item in chat)
        {
            if (item is not JsonObject message)
            {
                notes.Add(new("", "prompts", $"'{label}': a chat entry that is not a message was skipped"));
                continue;
            }
            var role = PromptfooJson.Text(message["role"]) ?? "user";
            if (role is "developer") role = "system";
            if (role is not ("system" or "user" or "assistant"))
            {
                notes.Add(new("", "prompts", $"'{label}': a '{role}' message was skipped (only system, user and assistant messages import)"));
                continue;
            }
            messages.Add(new CaseMessage(role, Content(message["content"], label, notes)));
        }
        if (messages.Count > 0) prompts.Add(new PromptfooPrompt(label, messages));
        else notes.Add(new("", "prompts", $"'{label}': no message imported"));
    }

    private static string Content(JsonNode? content, string label, ICollection<ImportNote> notes)
    {
        if (PromptfooJson.Text(content) is { } text)
            return text;
        if (content is not JsonArray parts)
            return content?.ToJsonString() ?? "";
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            var partText = PromptfooJson.Text(part) ?? PromptfooJson.Text((part as JsonObject)?["text"]);
            if (partText is not null)
                builder.Append(builder.Length > 0 ? "\n" : "").Append(partText);
            else
                notes.Add(new("", "prompts", $"'{label}': a '{PromptfooJson.Text((part as JsonObject)?["type"]) ?? "non-text"}' content part was dropped (text parts only)"));
        }
        return builder.ToString();
    }

    [GeneratedRegex(@"^\s*---\s*$", RegexOptions.Multiline)]
    private static partial Regex Separator();

    [GeneratedRegex(@"\.(txt|md|j2|json|jsonl|ya?ml|prompt|js|py|ts)$", RegexOptions.IgnoreCase)]
    private static partial Regex PromptFileName();
}
