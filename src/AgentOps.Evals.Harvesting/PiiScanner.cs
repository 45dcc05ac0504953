using AgentOps.Evals.Harvesting.Anonymization;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// Finds personal data and secrets in text files (YAML, JSON, Markdown, anything not binary) with the same detectors
/// harvest uses. Values a harvested case declares under <c>evidence.synthetic</c> are its own fakes, not leaks.
/// </summary>
public static class PiiScanner
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", "bin", "obj", "node_modules", ".agentops" };

    /// <summary>Every finding in the files, and in the files under the folders, given.</summary>
    public static IReadOnlyList<ScanFinding> Scan(IEnumerable<string> paths)
    {
        var findings = new List<ScanFinding>();
        // The triage queue beside harvested cases quotes their fakes: a folder's declared fakes count for every file in it.
        var folderFakes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var file in Files(paths))
        {
            var text = File.ReadAllText(file);
            if (text.Contains('\0')) continue;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? "";
            if (!folderFakes.TryGetValue(folder, out var fakes))
                folderFakes[folder] = fakes = DeclaredSyntheticIn(folder);
            findings.AddRange(ScanText(file, text, fakes));
        }
        return findings;
    }

    private static IReadOnlyList<string> DeclaredSyntheticIn(string folder) =>
        Directory.EnumerateFiles(folder, "*.y*ml")
            .SelectMany(f => DeclaredSynthetic(f, File.ReadAllText(f)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Findings in one text (<paramref name="knownFakes"/>: fakes declared elsewhere, e.g. by the cases of its folder), positions per line; a span over several lines (a PEM block) gives one finding per line.</summary>
    public static IReadOnlyList<ScanFinding> ScanText(string file, string text, IReadOnlyList<string>? knownFakes = null)
    {
        var synthetic = knownFakes is null ? DeclaredSynthetic(file, text) : [.. DeclaredSynthetic(file, text), .. knownFakes];
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++) if (text[i] == '\n') lineStarts.Add(i + 1);
        var findings = new List<ScanFinding>();
        var fakeChars = FakeCoverage(text, synthetic);
        foreach (var span in PiiDetectors.Detect(text))
        {
            // A shortened title may hold the start of a fake ("velva99@yahoo.co…"); a detector may join two fakes into one span.
            var value = text.AsSpan(span.Start, span.End - span.Start);
            if (IsPartOfAFake(value, synthetic) || CoveredByFakes(text, span.Start, span.End, fakeChars)) continue;
            var line = LineOf(lineStarts, span.Start);
            var position = span.Start;
            while (position < span.End)
            {
                var lineStart = lineStarts[line];
                var lineEnd = line + 1 < lineStarts.Count ? lineStarts[line + 1] - 1 : text.Length;
                if (lineEnd > lineStart && text[lineEnd - 1] == '\r') lineEnd--;
                var end = Math.Min(span.End, lineEnd);
                if (end > position) findings.Add(new ScanFinding(file, line + 1, position - lineStart, end - lineStart, span.Type));
                line++;
                if (line >= lineStarts.Count) break;
                position = lineStarts[line];
            }
        }
        return findings;
    }

    private static bool IsPartOfAFake(ReadOnlySpan<char> value, IReadOnlyList<string> fakes)
    {
        foreach (var fake in fakes)
            if (fake.AsSpan().Contains(value, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Which characters of the text belong to a declared fake (every occurrence of every fake value).</summary>
    private static bool[]? FakeCoverage(string text, IReadOnlyList<string> fakes)
    {
        if (fakes.Count == 0) return null;
        var covered = new bool[text.Length];
        foreach (var fake in fakes)
            for (var at = text.IndexOf(fake, StringComparison.Ordinal); at >= 0; at = text.IndexOf(fake, at + 1, StringComparison.Ordinal))
                Array.Fill(covered, true, at, fake.Length);
        return covered;
    }

    /// <summary>A detected span is a fake when every letter and digit in it lies inside a declared fake: a detector may
    /// join two neighbouring fakes ("…1172, 60592 Deanna Underpass") into one span that no single fake contains.</summary>
    private static bool CoveredByFakes(string text, int start, int end, bool[]? covered)
    {
        if (covered is null) return false;
        for (var i = start; i < end; i++)
            if (char.IsLetterOrDigit(text[i]) && !covered[i]) return false;
        return true;
    }

    private static int LineOf(List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }

    private static IReadOnlyList<string> DeclaredSynthetic(string file, string text)
    {
        if (!(file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)) || !text.Contains("synthetic:", StringComparison.Ordinal))
            return [];
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return [];
            if (!root.Children.TryGetValue(new YamlScalarNode("evidence"), out var evidence) || evidence is not YamlMappingNode e) return [];
            if (!e.Children.TryGetValue(new YamlScalarNode("synthetic"), out var list) || list is not YamlSequenceNode seq) return [];
            return seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToList();
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return [];
        }
    }

    private static IEnumerable<string> Files(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path)) { yield return path; continue; }
            if (!Directory.Exists(path)) throw new Diagnostics.InputException(path, "", "no such file or folder");
            var pending = new Stack<string>([path]);
            var files = new List<string>();
            while (pending.Count > 0)
            {
                var dir = pending.Pop();
                files.AddRange(Directory.EnumerateFiles(dir));
                foreach (var sub in Directory.EnumerateDirectories(dir))
                    if (!SkippedFolders.Contains(Path.GetFileName(sub))) pending.Push(sub);
            }
            files.Sort(StringComparer.Ordinal);
            foreach (var file in files) yield return file;
        }
    }
}
