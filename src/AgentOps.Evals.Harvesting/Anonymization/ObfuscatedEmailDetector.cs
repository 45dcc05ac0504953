using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>
/// E-mail addresses written to dodge filters: "name [at] example (dot) com", "name at example dot com",
/// "name(at)example.com", and base64 segments that decode to text holding an address.
/// </summary>
internal sealed partial class ObfuscatedEmailDetector : IPiiDetector
{
    private static readonly SearchValues<string> AtWords = SearchValues.Create(["at", "AT", "At"], StringComparison.Ordinal);

    public void Detect(string text, List<PiiSpan> found)
    {
        if (text.AsSpan().ContainsAny(AtWords))
            foreach (var match in Spelled().EnumerateMatches(text))
                found.Add(new PiiSpan(match.Index, match.Index + match.Length, PiiType.Email));
        foreach (var match in Base64Segment().EnumerateMatches(text))
            if (DecodesToEmail(text.AsSpan(match.Index, match.Length)))
                found.Add(new PiiSpan(match.Index, match.Index + match.Length, PiiType.Email));
    }

    private static bool DecodesToEmail(ReadOnlySpan<char> segment)
    {
        if (segment.IndexOfAny('=', '+', '/') < 0 && !HasMixedCase(segment)) return false;
        Span<byte> utf8 = stackalloc byte[segment.Length];
        for (var i = 0; i < segment.Length; i++) utf8[i] = (byte)segment[i];
        // Unpadded segments are common in URLs and logs: pad before decoding.
        var padded = (segment.Length + 3) / 4 * 4;
        Span<byte> input = stackalloc byte[padded];
        utf8.CopyTo(input);
        input[segment.Length..].Fill((byte)'=');
        Span<byte> decoded = stackalloc byte[padded / 4 * 3];
        if (Base64.DecodeFromUtf8(input, decoded, out _, out var written) != OperationStatus.Done) return false;
        var value = decoded[..written];
        if (value.IndexOf((byte)'@') < 0) return false;
        string s;
        try { s = new UTF8Encoding(false, true).GetString(value); }
        catch (DecoderFallbackException) { return false; }
        return s.Contains('@') && PlainEmail().IsMatch(s);
    }

    private static bool HasMixedCase(ReadOnlySpan<char> s) => s.IndexOfAnyInRange('a', 'z') >= 0 && s.IndexOfAnyInRange('A', 'Z') >= 0;

    // The local part needs a dot, underscore or digit for the bare " at " form, so "look at example dot com" stays prose.
    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+\-])(?:[\p{L}\p{N}][\p{L}\p{N}._%+\-]{0,63}\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\{\s*at\s*\}|<\s*at\s*>)\s*|[\p{L}\p{N}]*[._\d][\p{L}\p{N}._%+\-]{0,63}\s+at\s+)(?:[\p{L}\p{N}\-]+(?:\s*(?:\[\s*dot\s*\]|\(\s*dot\s*\)|\{\s*dot\s*\}|<\s*dot\s*>|\s+dot\s+|\.)\s*))+\p{L}{2,24}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Spelled();

    [GeneratedRegex(@"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{12,400}={0,2}(?![A-Za-z0-9+/=])", RegexOptions.CultureInvariant)]
    private static partial Regex Base64Segment();

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,24}", RegexOptions.CultureInvariant)]
    private static partial Regex PlainEmail();
}
