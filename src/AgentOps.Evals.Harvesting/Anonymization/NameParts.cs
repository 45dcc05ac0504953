using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>
/// The parts of every person name already replaced in a case, so the same person's given or family name on its own
/// ("Thanks Bartosz", a feedback comment "Bartosz says nobody called") gets the matching part of the same fake even
/// where no cue or lexicon would find it. Why: people are named in full once and by first name after that. Parts match
/// in any case ("esperanza" too): privacy over fidelity, so a name that is also a word ("Will") changes that word in
/// this one case.
/// </summary>
internal sealed class NameParts
{
    // Particles and honorifics are part of a detected span at times but are words on their own: never replace them.
    private static readonly HashSet<string> NotAName = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "von", "der", "den", "del", "della", "dos", "das", "ter", "bin", "ibn", "ben", "and", "the",
        "herr", "frau", "mrs", "miss", "sir", "dame", "lady", "lord", "mister", "madame", "monsieur", "señor", "señora",
    };

    private readonly Dictionary<string, string> parts = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Per learned given name, the family part of its fake: an unknown word right after it takes that.</summary>
    private readonly Dictionary<string, string> familyOf = new(StringComparer.OrdinalIgnoreCase);
    private Regex? pattern;

    public bool IsEmpty => parts.Count == 0;

    /// <summary>Learns the parts of <paramref name="original"/> and the parts of its fake; returns each new pair.</summary>
    /// <param name="original">The detected name as the text held it.</param>
    /// <param name="fake">The fake name that replaced it.</param>
    /// <param name="family">For a one-word name, the family name a later unknown word after it ("dilnoza abubakar") becomes.</param>
    public IEnumerable<(string Part, string Fake)> Learn(string original, string fake, string? family = null)
    {
        var originals = original.Split((char[])[' ', '\n', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        var fakes = fake.Split((char[])[' ', '\n', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        if (originals.Length == 0 || fakes.Length == 0) yield break;
        for (var i = 0; i < originals.Length; i++)
        {
            var part = originals[i];
            if (part.Length < 3 || !part.All(c => char.IsLetter(c) || c is '-' or '\'' or '’') || NotAName.Contains(part)) continue;
            var replacement = i == 0 ? fakes[0] : fakes[^1];
            if (i == 0 && (fakes.Length > 1 || family is not null)) familyOf.TryAdd(part, fakes.Length > 1 ? fakes[^1] : family!);
            if (part.Equals(replacement, StringComparison.OrdinalIgnoreCase)) continue;
            if (!parts.TryAdd(part, replacement)) continue;
            pattern = null;
            yield return (part, replacement);
        }
    }

    /// <summary>Replaces every whole-word occurrence of a learned part with its fake part.</summary>
    public string Apply(string text)
    {
        if (IsEmpty || string.IsNullOrEmpty(text)) return text;
        // Longest first, so "Mei-Ling" wins over a learned "Mei".
        pattern ??= new Regex(@"(?<![\p{L}\p{N}])(?<part>" + string.Join("|", parts.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape))
            + @")(?![\p{L}\p{N}])(?: (?<next>\p{L}[\p{L}'’\-]+)(?![\p{L}\p{N}]))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        return pattern.Replace(text, m =>
        {
            var part = m.Groups["part"].Value;
            if (!parts.TryGetValue(part, out var fake)) return m.Value;
            var result = Cased(part, fake);
            if (!m.Groups["next"].Success) return result;
            var next = m.Groups["next"].Value;
            // "oksana kowalczyk from accounting": the word after a known given name is its family name unless it is a common word.
            if (parts.TryGetValue(next, out var nextFake)) return result + " " + Cased(next, nextFake);
            if (familyOf.TryGetValue(part, out var family) && next.Length >= 3 && !Vocabulary.IsCommon(next) && !NotAName.Contains(next))
                return result + " " + Cased(next, family);
            return result + " " + next;
        });
    }

    private static string Cased(string original, string fake) =>
        original.All(c => !char.IsUpper(c)) ? fake.ToLowerInvariant()
        : original.All(c => !char.IsLower(c)) ? fake.ToUpperInvariant() : fake;
}
