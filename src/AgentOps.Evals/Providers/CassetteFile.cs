using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Providers;

/// <summary>A candidate's recorded calls: JSON lines, one call a line, sorted by case, trial and key so diffs are reviewable.</summary>
public sealed class CassetteFile
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    private readonly ConcurrentDictionary<string, CassetteEntry> _entries = new(StringComparer.Ordinal);

    public CassetteFile(string path) => Path = path;

    public string Path { get; }

    public int Count => _entries.Count;

    /// <summary>The file for <paramref name="candidate"/> in <paramref name="folder"/>.</summary>
    public static string PathFor(string folder, string candidate) => System.IO.Path.Combine(folder, candidate + ".jsonl");

    /// <summary>Reads the file; a missing file is an empty cassette. A bad line is bad input (exit 2) naming file and line.</summary>
    public static CassetteFile Load(string path)
    {
        var file = new CassetteFile(path);
        if (!File.Exists(path)) return file;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            CassetteEntry? entry;
            try { entry = JsonSerializer.Deserialize<CassetteEntry>(line, JsonOptions); }
            catch (JsonException e)
            {
                throw new InputException(new Problem(new SourceLocation(path, lineNumber, (int)(e.BytePositionInLine ?? 0) + 1), "", "not a cassette entry: " + e.Message));
            }
            if (entry is null) continue;
            file._entries[entry.Key] = entry;
        }
        return file;
    }

    public bool TryGet(string key, out CassetteEntry entry) => _entries.TryGetValue(key, out entry!);

    public void Add(CassetteEntry entry) => _entries[entry.Key] = entry;

    /// <summary>Writes every entry, sorted, through a temp file so a crash never leaves half a cassette.</summary>
    public void Save()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var temp = Path + ".tmp";
        using (var writer = new StreamWriter(temp))
        {
            writer.NewLine = "\n";
            foreach (var entry in _entries.Values.OrderBy(e => e.Case, StringComparer.Ordinal).ThenBy(e => e.Trial).ThenBy(e => e.Key, StringComparer.Ordinal))
                writer.WriteLine(JsonSerializer.Serialize(entry, JsonOptions));
        }
        File.Move(temp, Path, overwrite: true);
    }
}
