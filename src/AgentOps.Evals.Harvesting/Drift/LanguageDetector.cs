namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>
/// The language of a short text, offline: the script first (Cyrillic, Han, Kana, Hangul, Arabic, Greek, Hebrew,
/// Devanagari, Thai), then for Latin text the language whose common function words it uses most. Short texts with no
/// telling word are <c>und</c> (undetermined), never a guess. Pure.
/// </summary>
internal static class LanguageDetector
{
    private static readonly Dictionary<string, string[]> FunctionWords = new(StringComparer.Ordinal)
    {
        ["en"] = ["the", "is", "my", "and", "you", "can", "what", "how", "where", "when", "with", "have", "does", "not", "for", "this", "your", "was", "are", "why", "please", "do", "it", "of", "to", "an"],
        ["de"] = ["der", "die", "das", "ist", "ich", "und", "nicht", "mein", "meine", "meinen", "wie", "wo", "kann", "mit", "für", "bitte", "ein", "eine", "noch", "wann", "habe", "sie", "mir", "warum", "zu", "auf", "den", "dem"],
        ["fr"] = ["le", "la", "les", "est", "je", "et", "mon", "ma", "mes", "vous", "pas", "pour", "avec", "comment", "où", "quand", "une", "un", "des", "du", "ne", "puis", "pourquoi", "mais", "sur", "ce"],
        ["es"] = ["el", "la", "los", "las", "es", "yo", "mi", "mis", "y", "para", "con", "cómo", "como", "dónde", "donde", "cuándo", "una", "un", "del", "no", "puedo", "por", "qué", "que", "está", "mí"],
        ["it"] = ["il", "lo", "gli", "è", "io", "mio", "mia", "miei", "con", "per", "come", "dove", "quando", "una", "non", "posso", "perché", "che", "sono", "della", "del", "ho"],
        ["nl"] = ["de", "het", "een", "is", "ik", "en", "mijn", "niet", "hoe", "waar", "wanneer", "kan", "met", "voor", "van", "nog", "waarom", "heb", "ben", "jullie"],
        ["pt"] = ["o", "os", "as", "é", "eu", "meu", "minha", "não", "para", "com", "como", "onde", "quando", "uma", "um", "posso", "por", "que", "está", "você", "do", "da"],
    };

    private static readonly HashSet<string> AllFunctionWords = new(FunctionWords.Values.SelectMany(w => w), StringComparer.Ordinal);

    public static bool IsFunctionWord(string word) => AllFunctionWords.Contains(word);

    public static string Detect(string text)
    {
        if (Script(text) is { } byScript) return byScript;
        var words = text.ToLowerInvariant().Split((char[])[' ', '\t', '\n', '\r', ',', '.', '?', '!', ';', ':', '(', ')', '"', '\'', '¿', '¡'], StringSplitOptions.RemoveEmptyEntries);
        string best = "und";
        double bestScore = 0, second = 0;
        foreach (var (language, list) in FunctionWords)
        {
            var score = words.Count(list.Contains) + Diacritics(text, language);
            if (score > bestScore) { second = bestScore; bestScore = score; best = language; }
            else if (score > second) second = score;
        }
        // A tie between languages sharing words ("de", "la") says nothing; at least one word more than the runner-up.
        return bestScore >= 1 && bestScore > second ? best : "und";
    }

    /// <summary>Letters only one of the Latin languages here uses; half a word's weight each, at most two.</summary>
    private static double Diacritics(string text, string language)
    {
        var marks = language switch
        {
            "de" => "äöüß",
            "fr" => "çèêàùœë",
            "es" => "ñ¿¡á",
            "pt" => "ãõç",
            _ => "",
        };
        return Math.Min(2, text.Count(c => marks.Contains(char.ToLowerInvariant(c))) * 0.5);
    }

    private static string? Script(string text)
    {
        int letters = 0, latin = 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ch in text)
        {
            if (!char.IsLetter(ch)) continue;
            letters++;
            var script = ch switch
            {
                >= '\u0400' and <= '\u04FF' => "ru",
                >= '\u3040' and <= '\u30FF' => "ja",
                >= '\u4E00' and <= '\u9FFF' => "zh",
                >= '\uAC00' and <= '\uD7AF' => "ko",
                >= '\u0600' and <= '\u06FF' => "ar",
                >= '\u0370' and <= '\u03FF' => "el",
                >= '\u0590' and <= '\u05FF' => "he",
                >= '\u0900' and <= '\u097F' => "hi",
                >= '\u0E00' and <= '\u0E7F' => "th",
                _ => null,
            };
            if (script is null) { latin++; continue; }
            counts[script] = counts.GetValueOrDefault(script) + 1;
        }
        if (letters == 0 || latin * 2 >= letters) return null;
        // Japanese mixes Kana with Han: any Kana makes it Japanese.
        if (counts.ContainsKey("ja")) return "ja";
        return counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
    }
}
