using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>
/// Person names the way they occur: a run of capitalized words holding a known given or family name (lexicon of every
/// Bogus locale); words after a cue ("my name is", "ich bin", "je m'appelle", "Name:", "ship to", a title such as Mr,
/// Frau, Mme, a salutation or a sign-off), case-insensitive after the phrase cues; "X Y here"; CJK names starting with a
/// known family name. Cues that often precede other words ("Hi", "I'm") only count with a known name or two capitalized
/// words, so "I'm Fine" and "This is Amazon Prime" stay text.
/// </summary>
internal sealed partial class PersonNameDetector : IPiiDetector
{
    private readonly NameGazetteer gazetteer = NameGazetteer.Shared;

    public void Detect(string text, List<PiiSpan> found)
    {
        var tokens = Token().Matches(text);
        var spans = new List<(int Start, int End)>();
        // Deny by default needs the line's dictionary; German, Italian and Polish have none shipped (GPL or surname-shaped
        // words), so on their lines an unknown capitalized word ("Zurücksetzen") needs the lexicon or a cue as before.
        var lines = new LineLanguages(text);

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsNameLike(tokens[i].Value)) continue;
            var last = RunEnd(text, tokens, i, max: 4);
            var denyUnknown = !lines.IsUndictionaried(tokens[i].Index);
            if (last == i && !(denyUnknown && IsUnknownWord(tokens[i].Value)) && !(IsKnown(tokens[i].Value) && !Vocabulary.IsCommon(tokens[i].Value)))
            {
                // A first name that is also a common word ("Justice", "Will") counts before a known surname.
                if (gazetteer.IsKnownFirstName(tokens[i].Value) && WithFamilyName(text, tokens, i) > i)
                {
                    spans.Add((tokens[i].Index, End(tokens[i + 1])));
                    i++;
                }
                continue;
            }
            if (!HasKnownName(tokens, i, last) && !(denyUnknown && HasUnknownWord(tokens, i, last))) { i = last; continue; }
            last = WithFamilyName(text, tokens, last);
            spans.Add((tokens[i].Index, End(tokens[last])));
            i = last;
        }

        // No capitalized token is no reason to stop: an all-lower-case chat line ("hiya this is kwame rautio") has only cues.
        foreach (Match cue in Cue().Matches(text)) AddAfterCue(text, tokens, cue.Index + cue.Length, CueStrength.Strong, spans);
        foreach (Match cue in PhraseCue().Matches(text)) AddAfterCue(text, tokens, cue.Index + cue.Length, CueStrength.Phrase, spans);
        foreach (Match cue in WeakCue().Matches(text)) AddAfterCue(text, tokens, cue.Index + cue.Length, CueStrength.Weak, spans);
        // After "i'm", "its", "this is" a lower-case word is a name unless it is a common word ("its jie tóth", not "its late").
        foreach (Match cue in LowerWeakCue().Matches(text)) AddLowerCase(text, cue.Index + cue.Length, requireName: true, spans);
        // "ich bin", "je suis", "soy": an adjective follows more often than a name, and German has no shipped dictionary.
        foreach (Match cue in LowerWeakCueOther().Matches(text))
            if (LowerRun().Match(text, cue.Index + cue.Length) is { Success: true } run && IsKnown(TitleCase(run.Value.Split(' ')[0])))
                AddLowerCase(text, cue.Index + cue.Length, requireName: true, spans);
        // After "with", "to", "from"... two lower-case words that are no common words read as a name ("chatting with dagny bergström").
        foreach (Match cue in WeakCue().Matches(text)) AddLowerPair(text, cue.Index + cue.Length, spans);
        foreach (Match here in HereCue().Matches(text)) spans.Add((here.Index, here.Index + here.Groups["name"].Length));
        AddLowerKnownPairs(text, spans);
        AddCjk(text, spans);

        foreach (var (start, end) in spans) found.Add(new PiiSpan(start, end, PiiType.PersonName));
    }

    private enum CueStrength { Weak, Strong, Phrase }

    /// <summary>Per line of the text, whether it reads as a language without a shipped dictionary; computed on first ask.</summary>
    private sealed class LineLanguages(string text)
    {
        private readonly Dictionary<int, bool> byLineStart = [];

        public bool IsUndictionaried(int position)
        {
            var start = position == 0 ? 0 : text.LastIndexOf('\n', position - 1) + 1;
            if (byLineStart.TryGetValue(start, out var known)) return known;
            var end = text.IndexOf('\n', position);
            var result = Vocabulary.HasUndictionariedLanguage(text[start..(end < 0 ? text.Length : end)]);
            byLineStart[start] = result;
            return result;
        }
    }

    /// <summary>
    /// A capitalized token that may be part of a name: not a hand-listed word, not an acronym, and either a known name or
    /// not a common word of the shipped languages (deny by default: an unknown word is taken for a name).
    /// </summary>
    private bool IsNameLike(string token) =>
        !NameGazetteer.CommonWords.Contains(token) && !IsAllCaps(token) && (IsKnown(token) || !Vocabulary.IsCommon(token));

    /// <summary>Neither a common word, nor a known name, nor a dictionary proper noun (a place, a brand): by default a name.</summary>
    private bool IsUnknownWord(string token) => !IsKnown(token) && !Vocabulary.IsCommon(token) && !Vocabulary.IsProperNoun(token) && !IsAllCaps(token);

    private bool HasUnknownWord(MatchCollection tokens, int from, int to)
    {
        for (var k = from; k <= to; k++) if (IsUnknownWord(tokens[k].Value)) return true;
        return false;
    }

    /// <summary>A family name that is also a word ("Hye-jin Park", "Ana Rose") still ends the name it follows.</summary>
    private int WithFamilyName(string text, MatchCollection tokens, int last) =>
        Adjacent(text, tokens, last) && !IsAllCaps(tokens[last + 1].Value)
        && (gazetteer.IsKnownLastName(tokens[last + 1].Value) || NameGazetteer.IsEastAsianFamilyName(tokens[last + 1].Value)) ? last + 1 : last;

    private bool IsKnown(string token) => gazetteer.IsFirstName(token) || gazetteer.IsLastName(token);

    private bool HasKnownName(MatchCollection tokens, int from, int to)
    {
        for (var k = from; k <= to; k++) if (IsKnown(tokens[k].Value)) return true;
        return false;
    }

    /// <summary>The last token of the run of adjacent name-like capitalized tokens starting at <paramref name="i"/>.</summary>
    /// <param name="text">The text the tokens were matched in.</param>
    /// <param name="tokens">Capitalized tokens of <paramref name="text"/>, in order.</param>
    /// <param name="i">Index of the run's first token.</param>
    /// <param name="max">Most tokens the run may hold.</param>
    /// <param name="afterCue">After a cue every capitalized word may be a name part ("Ich heiße Jie Li"), common or not.</param>
    private int RunEnd(string text, MatchCollection tokens, int i, int max, bool afterCue = false)
    {
        var last = i;
        while (last - i < max - 1 && Adjacent(text, tokens, last)
            && (afterCue ? !NameGazetteer.CommonWords.Contains(tokens[last + 1].Value) && !IsAllCaps(tokens[last + 1].Value) : IsNameLike(tokens[last + 1].Value))) last++;
        return last;
    }

    private static int End(Match token) => token.Index + token.Length;

    private void AddAfterCue(string text, MatchCollection tokens, int end, CueStrength strength, List<(int Start, int End)> spans)
    {
        var i = FirstTokenAtOrAfter(tokens, end);
        var capitalized = i >= 0 && OnlySpaces(text, end, tokens[i].Index);
        if (!capitalized)
        {
            // After "my name is", "je m'appelle"... the name may be typed in lower case.
            if (strength == CueStrength.Phrase) AddLowerCase(text, end, requireName: false, spans);
            return;
        }
        var token = tokens[i].Value;
        if (IsAllCaps(token)) return;
        if (NameGazetteer.CommonWords.Contains(token) && !(gazetteer.IsKnownFirstName(token) && Adjacent(text, tokens, i) && gazetteer.IsLastName(tokens[i + 1].Value))) return;
        var last = RunEnd(text, tokens, i, max: 3, afterCue: true);
        if (strength == CueStrength.Weak)
        {
            // After "Hi", "I'm" or "Thanks," one word needs the lexicon; two capitalized words read as a name.
            var signature = last > i && EndsLine(text, End(tokens[last]));
            if (!signature && !(last > i) && !IsKnown(token)) return;
        }
        last = WithFamilyName(text, tokens, last);
        spans.Add((tokens[i].Index, End(tokens[last])));
    }

    private void AddLowerCase(string text, int end, bool requireName, List<(int Start, int End)> spans)
    {
        var m = LowerRun().Match(text, end);
        if (!m.Success || m.Index != end) return;
        var words = m.Value.Split(' ');
        if (requireName && !IsLowerName(words[0])) return;
        var kept = 0;
        var length = 0;
        foreach (var word in words)
        {
            if (kept == 3 || StopWords.Contains(word) || word.Length < 2) break;
            // The name ends at the first common word ("my name is anna sorry..."), a known name part goes on.
            if (kept > 0 && !IsLowerName(word)) break;
            length += (kept > 0 ? 1 : 0) + word.Length;
            kept++;
        }
        if (kept > 0) spans.Add((end, end + length));
    }

    /// <summary>A lower-case word that is a known name or no common word (typed names: "kalani", "bergström").</summary>
    private bool IsLowerName(string word) =>
        word.Length >= 2 && !StopWords.Contains(word) && (IsKnown(TitleCase(word)) || !Vocabulary.IsCommon(word)) && !NameGazetteer.CommonWords.Contains(TitleCase(word));

    private void AddLowerPair(string text, int end, List<(int Start, int End)> spans)
    {
        var m = LowerRun().Match(text, end);
        if (!m.Success || m.Index != end || !char.IsLower(text[end])) return;
        var words = m.Value.Split(' ');
        if (words.Length < 2 || !IsLowerName(words[0]) || !IsLowerName(words[1])) return;
        spans.Add((end, end + words[0].Length + 1 + words[1].Length));
    }

    /// <summary>Anywhere (matches overlap, each word pairs with the next): two lower-case words, no common words, one of them a known given or family name ("oksana kowalczyk from accounting").</summary>
    private void AddLowerKnownPairs(string text, List<(int Start, int End)> spans)
    {
        foreach (Match m in LowerPair().Matches(text))
        {
            string first = m.Groups["a"].Value, second = m.Groups["b"].Value;
            if (first.Length < 3 || second.Length < 3 || !IsLowerName(first) || !IsLowerName(second)) continue;
            if (!IsKnown(TitleCase(first)) && !IsKnown(TitleCase(second))) continue;
            spans.Add((m.Index, m.Index + first.Length + 1 + second.Length));
        }
    }

    private static string TitleCase(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>Words that end a lower-case name after a cue ("my name is anna and i...").</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "i", "im", "i'm", "my", "the", "a", "an", "from", "with", "but", "or", "is", "was", "here", "at", "on", "in", "of",
        "for", "to", "about", "please", "pls", "thanks", "thank", "not", "no", "order", "this", "that", "it", "its", "who", "which",
        "calling", "writing", "und", "ich", "mein", "meine", "aus", "et", "je", "mon", "ma", "y", "e", "ed", "en", "og", "och", "jag",
        "mi", "soy", "sono", "il", "la", "el", "de", "du", "der", "die", "das", "ist", "bin", "est", "es", "è", "também", "also",
        "too", "again", "ok", "okay", "hi", "hello", "yes", "still", "just", "now", "today", "writing", "regarding", "re",
    };

    private void AddCjk(string text, List<(int Start, int End)> spans)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!NameGazetteer.IsCjk(text[i]) || (i > 0 && NameGazetteer.IsCjk(text[i - 1]) && !Honorific(text, i - 1))) continue;
            var runEnd = i;
            while (runEnd < text.Length && NameGazetteer.IsCjk(text[runEnd]) && !Honorific(text, runEnd)) runEnd++;
            var length = runEnd - i;
            // A family name of one to three characters (王, 欧阳, 佐々木), then one or two given-name characters; longer runs are prose.
            if (length is >= 2 and <= 5 && (gazetteer.IsCjkFamilyName(text.Substring(i, 1)) || gazetteer.IsCjkFamilyName(text.Substring(i, 2))
                || (length >= 4 && gazetteer.IsCjkFamilyName(text.Substring(i, 3)))))
                spans.Add((i, runEnd));
            i = runEnd;
        }
    }

    /// <summary>様, さん, 先生, 씨, 님 and similar follow a CJK name and end it.</summary>
    private static bool Honorific(string text, int i) => text[i] is '様' or 'さ' or '先' or '씨' or '님' or '君' or '氏' or '女' or '小';

    private static bool EndsLine(string text, int end)
    {
        var rest = text.AsSpan(end).TrimStart(" \t.!");
        return rest.IsEmpty || rest[0] is '\n' or '\r' or ',';
    }

    private static bool IsAllCaps(string token) => token.Length > 1 && token.All(c => !char.IsLetter(c) || char.IsUpper(c));

    private static int FirstTokenAtOrAfter(MatchCollection tokens, int position)
    {
        int lo = 0, hi = tokens.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].Index >= position) { found = mid; hi = mid - 1; }
            else lo = mid + 1;
        }
        return found;
    }

    // A cue may end a line: "Ship to:\nAnna Berg", "Best regards,\nAnna".
    private static bool OnlySpaces(string text, int from, int to) => to - from <= 4 && text.AsSpan(from, to - from).Trim(" \t\r\n\"'").IsEmpty;

    /// <summary>Token i+1 follows token i separated only by one space, or by name particles (van der, de la, von).</summary>
    private static bool Adjacent(string text, MatchCollection tokens, int i)
    {
        if (i + 1 >= tokens.Count) return false;
        var gapStart = tokens[i].Index + tokens[i].Length;
        var gap = text.AsSpan(gapStart, tokens[i + 1].Index - gapStart);
        return gap is " " || Particles().IsMatch(gap);
    }

    // Not inside a dotted, slashed or dashed identifier ("AgentOps.Evals", "src/Harvest", pseudonyms "anon-1:Dhs-FyeUk"): code, not people.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_/\\\-]|[\p{L}\p{N}][.:])(?:Mc|Mac|O['’]|D['’]|[AaEe]l-)?\p{Lu}\p{Ll}+(?:[\-'’]\p{Lu}?\p{Ll}+)*(?![\p{L}\p{N}_]|[./\\\-:][\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"^ (?:(?:van|von|der|den|de|del|della|di|da|du|la|le|ter|zu|dos|das|bin|binti|bint|al|el|ibn|ben|ap|te|ter|y|e)\s){1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Particles();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_@.])(?<a>\p{Ll}[\p{Ll}\-]+)(?= (?<b>\p{Ll}[\p{Ll}\-]+)(?![\p{L}\p{N}_@]))", RegexOptions.CultureInvariant)]
    private static partial Regex LowerPair();

    [GeneratedRegex(@"\p{L}[\p{L}'’\-]*(?: \p{L}[\p{L}'’\-]*){0,3}", RegexOptions.CultureInvariant)]
    private static partial Regex LowerRun();

    /// <summary>Phrases that introduce a name in any case: "my name is margarethe vandenberg".</summary>
    [GeneratedRegex(@"(?i:\b(?:my name is|my name's|name's|name’s|name is|names|i am called|call me|mein name ist|ich heiße|ich heisse|je m'appelle|je m’appelle|mon nom est|me llamo|mi nombre es|mi chiamo|il mio nome è|mijn naam is|ik heet|nazywam się|mam na imię|meu nome é|me chamo|chamo-me|jag heter|mitt namn är|jeg heter|mit navn er|minun nimeni on|nimeni on|benim adım|adım|меня зовут|мене звати|jmenuji se|volám sa|a nevem|zovem se|numele meu este|ma nimi on)\s+)", RegexOptions.CultureInvariant)]
    private static partial Regex PhraseCue();

    [GeneratedRegex(@"(?:(?:\b(?:Full name|Name|Nom|Nombre|Nome|Naam|Imię|Nachname|Vorname|Customer name|Customer|Client|Cliente|Kunde|Cardholder|Card holder|Account holder|Holder|Contact person|Contact|Recipient|Ansprechpartner|Empfänger|Destinataire|Destinatario|Titulaire|Kontoinhaber|Attn|Attention|User|From|Signed|Passenger|Patient|Guest|Employee|Driver|Courier|Technician|Beneficiary|Ship to|Deliver to|Bill to|Sold to|c/o)\s*:\s*)|\b(?i:ship(?:ped)? to|deliver(?:ed)? to|send (?:it |this |them )?to|addressed to|made out to|on behalf of|attn\.?|c/o|z\. ?Hd\.?|à l'attention de|a la atención de|all'attenzione di|t\.a\.v\.)\s+|\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Sra|Srta|Sig|Sig\.ra|Mme|Mlle|M|Dña|Dna|Sn|Smt|Shri|Hr|Fr|Mevr|Dhr|Ing|Mag|Pfr)\.\s*|\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Miss|Herr|Frau|Monsieur|Madame|Mademoiselle|Señor|Señora|Señorita|Don|Doña|Signor|Signora|Signorina|Senhor|Senhora|Dom|Meneer|Mevrouw|Pan|Pani|Panie|Pane|Gospodin|Gospođa|Sayın|Bay|Bayan|Shri|Sri|Smt|Kumari|Chief|Sir|Dame|Lady|Lord|Sheikh|Mister|Professor|Doctor|Docteur|Doktor|Dott|Dottor|Dottoressa|Avv|Ing|Fru|Herra|Rouva|Úr|Asszony)\s+)", RegexOptions.CultureInvariant)]
    private static partial Regex Cue();

    [GeneratedRegex(@"(?:\b(?:Hi|Hello|Hey|Dear|Hallo|Liebe|Lieber|Sehr geehrte|Sehr geehrter|Bonjour|Cher|Chère|Hola|Estimado|Estimada|Querido|Querida|Ciao|Gentile|Caro|Cara|Beste|Geachte|Hej|Hei|Kære|Drogi|Droga|Szanowny|Szanowna|Olá|Prezado|Prezada|Merhaba|Thanks|Thank you|Regards|Best regards|Kind regards|Warm regards|Best|Cheers|Sincerely|Yours|Grüße|Gruß|Viele Grüße|Mit freundlichen Grüßen|Cordialement|Bien à vous|Saludos|Atentamente|Saluti|Cordiali saluti|Distinti saluti|Groeten|Met vriendelijke groet|Pozdrawiam|Pozdrav|S pozdravem|Üdvözlettel|Hälsningar|Med vänlig hälsning|Terveisin|Ystävällisin terveisin|Atenciosamente|Abraços|Saygılarımla|ask for|asked for|spoke to|spoke with|talked to|speak to|speak with|agent|customer|client|manager|colleague|technician|driver|courier|I'm|I am|ich bin|je suis|soy|sono|ik ben|eu sou|jestem|jsem|this is|it's|its|signed|signed by|approved by|handled by|assigned to|from|with|and|cc|by|met|called|emailed|contacted|told|asked|for|to|Kunde|Kundin|Herrn|de la part de|von|de parte de)[,:]?\s+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WeakCue();

    [GeneratedRegex(@"(?<![\p{L}'’])(?:i'm|i’m|i am|it's|it’s|its|this is|regards|cheers|thanks|sincerely)[,:]?\s+(?=\p{Ll})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LowerWeakCue();

    [GeneratedRegex(@"(?<![\p{L}'’])(?:ich bin|je suis|soy|sono|ik ben|eu sou|jestem|jsem)\s+(?=\p{Ll})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LowerWeakCueOther();

    /// <summary>"Priya Raman here", "Anna Berg speaking".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<name>\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,2})(?: here| speaking| hier| ici| aquí| qui)\b", RegexOptions.CultureInvariant)]
    private static partial Regex HereCue();
}
