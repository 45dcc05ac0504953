namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>
/// Is a word an ordinary word of the languages harvested text is written in? The name detector's deny-by-default rule
/// rests on it: a capitalized word that is not common (nor a known place or brand) is taken for a name.
/// </summary>
internal static partial class Vocabulary
{
    /// <summary>In any case: "Order", "order" and "ORDER" are common; "Bergström" is not.</summary>
    public static bool IsCommon(string word)
    {
        if (word.Length == 0) return false;
        Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.AsSpan().ToLowerInvariant(lower);
        if (WordList.Common.Contains(lower) || IsGermanNoun(lower)) return true;
        // Possessives and hyphenated compounds of long common words: "Monday's", "Check-Out"; never "Sung-min" (short parts).
        if (lower.EndsWith("'s") || lower.EndsWith("’s")) return WordList.Common.Contains(lower[..^2]);
        if (lower.Contains('-'))
        {
            foreach (var range in lower.Split('-'))
            {
                var part = lower[range];
                if (part.Length < 4 || !WordList.Common.Contains(part)) return false;
            }
            return true;
        }
        return false;
    }

    /// <summary>
    /// Does the text read as German, Italian or Polish (a marker word that is no English word)? Their dictionaries are not
    /// shipped, so the name detector cannot tell their capitalized words from names and falls back to lexicon and cues.
    /// </summary>
    public static bool HasUndictionariedLanguage(string text)
    {
        foreach (var match in MarkerWord().EnumerateMatches(text))
            if (Markers.Contains(text.AsSpan(match.Index, match.Length))) return true;
        return false;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Markers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "und", "ich", "nicht", "bitte", "ist", "mein", "meine", "meinen", "für", "auf", "wir", "zum", "zur", "vom", "beim",
        "wurde", "habe", "haben", "kann", "können", "noch", "schon", "auch", "oder", "aber", "wenn", "dass", "eine", "einen",
        "einem", "einer", "der", "das", "des", "dem", "wo", "wann", "warum", "danke", "seit", "grüße", "leider", "keine", "sehr",
        "della", "che", "sono", "grazie", "gli", "una", "mio", "mia", "questo", "perché", "buongiorno", "ordine", "anche",
        "nie", "jest", "się", "proszę", "dzień", "czy", "że", "moje", "zamówienie", "dziękuję", "jestem",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\p{L})\p{L}{2,12}(?!\p{L})", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex MarkerWord();

    /// <summary>A capitalized English dictionary entry (a place, a brand, a famous person): proper, not known to be a person.</summary>
    public static bool IsProperNoun(string word) => WordList.ProperNouns.Contains(word);

    // German capitalizes every noun and its GPL dictionary cannot ship: its productive noun endings stand in for it.
    // Long words only: Vietnamese and Chinese names end in -ung too ("Dung", "Phung").
    private static bool IsGermanNoun(ReadOnlySpan<char> lower) =>
        lower.Length >= 7 && (lower.EndsWith("ung") || lower.EndsWith("ungen") || lower.EndsWith("heit") || lower.EndsWith("keit")
            || lower.EndsWith("schaft") || lower.EndsWith("ität") || lower.EndsWith("nummer") || lower.EndsWith("adresse"));
}
