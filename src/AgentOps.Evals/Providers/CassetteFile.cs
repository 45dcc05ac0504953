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
    private readonly Lock _journalLock = new();
    // Recorded calls are appended here as they finish, so a killed --record run keeps them (Save rewrites the file sorted).
    private StreamWriter? _journal;

    /// <summary>An empty cassette that will be written to <paramref name="path"/>; use <c>Load</c> to read an existing one.</summary>
    public CassetteFile(string path) => Path = path;

    /// <summary>The JSON-lines file this cassette reads from and writes to.</summary>
    public string Path { get; }

    /// <summary>How many recorded calls the cassette holds.</summary>
    public int Count => _entries.Count;

    /// <summary>The file for <paramref name="candidate"/> in <paramref name="folder"/>.</summary>
    public static string PathFor(string folder, string candidate) => System.IO.Path.Combine(folder, candidate + ".jsonl");

    /// <summary>Reads the file; a missing file is an empty cassette. A bad line is bad input (exit 2) naming file and line.</summary>
    public static CassetteFile Load(string path)
    {
        var file = new CassetteFile(path);
        if (!File.Exists(path)) return file;
        var lines = File.ReadAllLines(path);
        var torn = File.ReadAllText(path) is { Length: > 0 } text && text[^1] != '\n';
        for (var lineNumber = 1; lineNumber <= lines.Length; lineNumber++)
        {
            var line = lines[lineNumber - 1];
            if (string.IsNullOrWhiteSpace(line)) continue;
            CassetteEntry? entry;
            try { entry = JsonSerializer.Deserialize<CassetteEntry>(line, JsonOptions); }
            catch (JsonException) when (torn && lineNumber == lines.Length)
            {
                continue; // the last call a killed recording was writing: lost, like any call in flight
            }
            catch (JsonException e)
            {
                throw new InputException(new Problem(new SourceLocation(path, lineNumber, (int)(e.BytePositionInLine ?? 0) + 1), "", "not a cassette entry: " + e.Message));
            }
            if (entry is null) continue;
            file._entries[entry.Key] = entry;
        }
        return file;
    }

    /// <summary>The recorded call with cassette key <paramref name="key"/>, if there is one.</summary>
    public bool TryGet(string key, out CassetteEntry entry) => _entries.TryGetValue(key, out entry!);

    /// <summary>Keeps a recorded call and appends it to the file at once (flushed), so a kill loses only calls in flight.</summary>
    public void Add(CassetteEntry entry)
    {
        _entries[entry.Key] = entry;
        var line = JsonSerializer.Serialize(entry, JsonOptions);
        lock (_journalLock)
        {
            _journal ??= OpenJournal();
            _journal.Write(line + "\n");
            _journal.Flush();
        }
    }

    private StreamWriter OpenJournal()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
        // A hand-edited file may lack its last newline: the first appended call must not join that line.
        if (stream.Length > 0 && LastByte(Path) != (byte)'\n') writer.Write('\n');
        return writer;
    }

    private static int LastByte(string path)
    {
        using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        read.Seek(-1, SeekOrigin.End);
        return read.ReadByte();
    }

    /// <summary>Writes every entry, sorted, through a temp file so a crash never leaves half a cassette.</summary>
    public void Save()
    {
        lock (_journalLock)
        {
            _journal?.Dispose();
            _journal = null;
        }
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
