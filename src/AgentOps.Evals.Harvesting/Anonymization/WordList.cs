using System.IO.Compression;
using System.Reflection;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>
/// A sorted word list shipped as an embedded gzip resource (Data/*.txt.gz, built by Data/make_common_words.sh), held as
/// one character buffer and an offset table: 600k words in ~15 MB instead of ~40 MB as a set of strings, which matters
/// for the harvester's memory bar. Lookups are a binary search.
/// </summary>
internal sealed class WordList
{
    private readonly char[] chars;
    private readonly int[] starts;

    private WordList(char[] chars, int[] starts)
    {
        this.chars = chars;
        this.starts = starts;
    }

    /// <summary>Lower-case words of English (every form), French, Spanish, Portuguese, Dutch (stems) and hand-written German, Italian and tech words.</summary>
    public static WordList Common => common.Value;

    /// <summary>Capitalized English dictionary entries: places, brands, famous people; proper, not known to be a person.</summary>
    public static WordList ProperNouns => properNouns.Value;

    private static readonly Lazy<WordList> common = new(() => Load("common-words.txt.gz"));
    private static readonly Lazy<WordList> properNouns = new(() => Load("proper-nouns.txt.gz"));

    public int Count => starts.Length - 1;

    public bool Contains(ReadOnlySpan<char> word)
    {
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = Word(mid).SequenceCompareTo(word);
            if (c == 0) return true;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return false;
    }

    private ReadOnlySpan<char> Word(int i) => chars.AsSpan(starts[i], starts[i + 1] - starts[i] - 1);

    internal static WordList Load(string resource)
    {
        var assembly = typeof(WordList).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(resource, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"embedded word list '{resource}' is missing from {assembly.GetName().Name}");
        using var stream = new GZipStream(assembly.GetManifestResourceStream(name)!, CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        // Parsed in place (no string per word): the transient strings would cost the harvester ~40 MB of peak memory.
        var buffer = reader.ReadToEnd().ToCharArray();
        var offsets = new List<int>(capacity: buffer.Length / 8) { 0 };
        for (var i = 0; i < buffer.Length; i++)
            if (buffer[i] == '\n') offsets.Add(i + 1);
        if (offsets[^1] != buffer.Length) throw new InvalidOperationException($"word list '{resource}' must end with a newline");
        var list = new WordList(buffer, [.. offsets]);
        // The builder sorts by UTF-8 bytes (LC_ALL=C); ordinal UTF-16 order differs only around surrogates: refuse, never guess.
        for (var i = 1; i < list.Count; i++)
            if (list.Word(i - 1).SequenceCompareTo(list.Word(i)) >= 0) throw new InvalidOperationException($"word list '{resource}' is not sorted at line {i + 1}");
        return list;
    }
}
