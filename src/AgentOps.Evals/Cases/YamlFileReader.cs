using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using AgentOps.Evals.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Cases;

/// <summary>
/// Reads one YAML file defensively (size before reading, binary and UTF-8 checks, bounded aliases) and returns its
/// single document's root node with positions, or null after adding the problems found.
/// </summary>
internal static partial class YamlFileReader
{
    private const int BinaryProbeBytes = 8 * 1024;

    /// <param name="expected">What the file should hold, for the empty-file message.</param>
    /// <param name="sizeSetting">The setting that raises the size limit, named in the too-large message.</param>
/// <param name="path">The YAML file.</param>
/// <param name="maxBytes">Files larger than this are refused before parsing.</param>
/// <param name="problems">Where problems are added (the read never throws for bad input).</param>
    public static YamlNode? Read(string path, long maxBytes, ICollection<Problem> problems, string expected, string sizeSetting)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            problems.Add(new Problem(new SourceLocation(path), "", "file not found"));
            return null;
        }
        if (file.Length > maxBytes)
        {
            problems.Add(TooLarge(path, file.Length, maxBytes, sizeSetting));
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Problem(new SourceLocation(path), "", $"could not read the file: {e.Message}"));
            return null;
        }
        // The file may have grown between the size check and the read.
        if (bytes.Length > maxBytes)
        {
            problems.Add(TooLarge(path, bytes.Length, maxBytes, sizeSetting));
            return null;
        }
        if (Decode(path, bytes, problems) is not { } text) return null;
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];

        var stream = new YamlStream();
        try
        {
            stream.Load(new BoundedYamlParser(new Parser(new StringReader(text))));
        }
        catch (YamlException e)
        {
            problems.Add(new Problem(At(path, e.Start), "", "invalid YAML: " + Clean(e.Message)));
            return null;
        }

        if (stream.Documents.Count == 0 || IsEmpty(stream.Documents[0].RootNode))
        {
            problems.Add(new Problem(new SourceLocation(path), "", $"found an empty file, expected {expected}"));
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            problems.Add(new Problem(At(path, stream.Documents[1].RootNode.Start), "",
                $"found {stream.Documents.Count} YAML documents, expected exactly one per file"));
            return null;
        }
        return stream.Documents[0].RootNode;
    }

    private static string? Decode(string path, byte[] bytes, ICollection<Problem> problems)
    {
        var probe = bytes.AsSpan(0, Math.Min(bytes.Length, BinaryProbeBytes));
        var nul = probe.IndexOf((byte)0);
        if (nul >= 0)
        {
            problems.Add(new Problem(AtByte(path, bytes, nul), "", "found a NUL byte (a binary file?), expected UTF-8 YAML text"));
            return null;
        }
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: true);
            if (status != OperationStatus.Done)
            {
                var hint = read < BinaryProbeBytes ? " (a binary file?)" : "";
                problems.Add(new Problem(AtByte(path, bytes, read), "",
                    $"found bytes that are not valid UTF-8 at byte offset {read}{hint}, expected UTF-8 YAML text"));
                return null;
            }
            var text = new string(chars, 0, written);
            if (text.Contains('\0'))
            {
                problems.Add(new Problem(AtByte(path, bytes, Array.IndexOf(bytes, (byte)0)), "", "found a NUL character, expected YAML text"));
                return null;
            }
            return text;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static bool IsEmpty(YamlNode root) =>
        root is YamlScalarNode s && YamlJsonConverter.IsPlain(s) && YamlScalars.IsNull(s.Value ?? "");

    private static Problem TooLarge(string path, long size, long maxBytes, string sizeSetting) =>
        new(new SourceLocation(path), "", $"found a file of {Size(size)}, expected at most {Size(maxBytes)} (raise {sizeSetting} if this is intended); the file was not read");

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };

    private static SourceLocation At(string path, Mark mark) =>
        mark.Line > 0 ? new SourceLocation(path, (int)Math.Min(mark.Line, int.MaxValue), (int)Math.Min(mark.Column, int.MaxValue)) : new SourceLocation(path);

    private static SourceLocation AtByte(string path, byte[] bytes, int offset)
    {
        var before = bytes.AsSpan(0, offset);
        var line = before.Count((byte)'\n') + 1;
        var column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return new SourceLocation(path, line, column);
    }

    /// <summary>Drops the "(Line: …) - (Line: …): " prefix some YamlDotNet versions put in messages; the location is printed already.</summary>
    private static string Clean(string message) => MarkPrefix().Replace(message, "").Trim();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();
}
