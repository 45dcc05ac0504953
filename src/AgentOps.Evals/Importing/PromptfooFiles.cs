using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Importing;

/// <summary>promptfoo's <c>file://</c> references: relative to the config, with globs, and an optional <c>:function</c> suffix.</summary>
internal static class PromptfooFiles
{
    public const string Scheme = "file://";

    public static bool IsFileRef(string? text) => text is not null && text.StartsWith(Scheme, StringComparison.Ordinal);

    /// <summary>The path part of <c>file://path[:function]</c> and the function name, if any.</summary>
    public static (string Path, string? Function) Split(string reference)
    {
        var path = reference.StartsWith(Scheme, StringComparison.Ordinal) ? reference[Scheme.Length..] : reference;
        var colon = path.LastIndexOf(':');
        // "C:\x" is a drive, "x.py:fn" a function.
        if (colon > 1 && colon < path.Length - 1 && !path[(colon + 1)..].Contains('/') && !path[(colon + 1)..].Contains('\\') && path[..colon].Contains('.'))
            return (path[..colon], path[(colon + 1)..]);
        return (path, null);
    }

    /// <summary>Every existing file the reference names (globs expanded, sorted), or none.</summary>
    public static List<string> Resolve(string reference, string baseDir)
    {
        var (relative, _) = Split(reference);
        var full = Path.IsPathRooted(relative) ? relative : Path.GetFullPath(Path.Combine(baseDir, relative));
        if (!relative.Contains('*') && !relative.Contains('?'))
            return File.Exists(full) ? [full] : [];
        var pattern = relative.Replace('\\', '/');
        var firstWild = pattern.IndexOfAny(['*', '?']);
        var lastSlash = pattern.LastIndexOf('/', firstWild);
        var root = Path.GetFullPath(Path.Combine(baseDir, lastSlash < 0 ? "." : pattern[..lastSlash]));
        if (!Directory.Exists(root))
            return [];
        var rest = lastSlash < 0 ? pattern : pattern[(lastSlash + 1)..];
        var recursive = rest.Contains("**", StringComparison.Ordinal) || rest.Contains('/');
        var filePattern = rest[(rest.LastIndexOf('/') + 1)..];
        try
        {
            return [.. Directory.EnumerateFiles(root, filePattern.Replace("**", "*", StringComparison.Ordinal), recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return [];
        }
    }

    /// <summary>A YAML (or JSON, which is YAML) document as JSON; throws <see cref="InputException"/> on a syntax error.</summary>
    public static JsonNode? ReadDocument(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, "", "file not found");
        try
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(path);
            // Bounded like our own YAML: a 20,000-deep list overflowed the stack (the process died) and an alias bomb never ended.
            stream.Load(new BoundedYamlParser(new Parser(reader)));
            return stream.Documents.Count == 0 ? null : YamlJsonConverter.ToJson(stream.Documents[0].RootNode);
        }
        catch (YamlException e)
        {
            throw new InputException(new Problem(new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column), "", $"YAML syntax error: {e.Message}"));
        }
    }

    /// <summary>A data file (YAML, JSON, JSONL) as JSON, or null with a note when it cannot be read.</summary>
    public static JsonNode? TryReadData(string path, string field, ICollection<ImportNote> notes)
    {
        try
        {
            return Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".jsonl" => new JsonArray([.. File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => PromptfooJson.TryParse(l))]),
                ".json" => PromptfooJson.TryParse(File.ReadAllText(path)) ?? ReadDocument(path),
                _ => ReadDocument(path),
            };
        }
        catch (InputException e)
        {
            notes.Add(new("", field, $"'{Path.GetFileName(path)}' not read: {e.Problems[0].Message}"));
            return null;
        }
    }
}
