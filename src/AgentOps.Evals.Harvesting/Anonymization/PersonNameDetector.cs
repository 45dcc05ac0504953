using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>
/// Person names: a first name from the gazetteer followed by a surname, or capitalized words after a cue such as
/// "my name is", "Name:", a title (Mr, Frau, Mme), a salutation or a sign-off. Cues that often precede other words
/// ("Hi", "Thanks,") only count when the next word is a known name.
/// </summary>
internal sealed partial class PersonNameDetector : IPiiDetector
{
    private readonly NameGazetteer gazetteer = NameGazetteer.Shared;

    public void Detect(string text, List<PiiSpan> found)
    {
        var tokens = Token().Matches(text);
        if (tokens.Count == 0) return;
        var spans = new List<(int Start, int End)>();

        for (var i = 0; i < tokens.Count; i++)
        {
            var first = tokens[i].Value;
            if (!gazetteer.IsFirstName(first))
            {
                // A first name that is also a common word ("Justice", "Will") counts before a known surname.
                if (gazetteer.IsKnownFirstName(first) && Adjacent(text, tokens, i) && gazetteer.IsLastName(tokens[i + 1].Value))
                {
                    spans.Add((tokens[i].Index, tokens[i + 1].Index + tokens[i + 1].Length));
                    i++;
                }
                continue;
            }
            var last = i;
            // A middle name, then a surname: known, or an unknown capitalized word when the first name is unambiguous.
            if (Adjacent(text, tokens, last) && gazetteer.IsFirstName(tokens[last + 1].Value) && Adjacent(text, tokens, last + 1) && gazetteer.IsLastName(tokens[last + 2].Value))
                last += 2;
            else if (Adjacent(text, tokens, last) && CapitalParticles.Contains(tokens[last + 1].Value) && Adjacent(text, tokens, last + 1))
                last += 2;
            else if (Adjacent(text, tokens, last) && IsSurname(tokens[last + 1].Value, first))
                last += 1;
            if (last == i) continue;
            if (Adjacent(text, tokens, last) && gazetteer.IsLastName(tokens[last + 1].Value)) last++;
            spans.Add((tokens[i].Index, tokens[last].Index + tokens[last].Length));
            i = last;
        }

        foreach (Match cue in Cue().Matches(text)) AddAfterCue(text, tokens, cue, strong: true, spans);
        foreach (Match cue in WeakCue().Matches(text)) AddAfterCue(text, tokens, cue, strong: false, spans);

        foreach (var (start, end) in spans) found.Add(new PiiSpan(start, end, PiiType.PersonName));
    }

    private static readonly HashSet<string> CapitalParticles = new(StringComparer.Ordinal) { "Di", "De", "Da", "Del", "Della", "Van", "Von", "Du", "Le", "La", "Dos", "Das", "Ter", "Ten" };

    private bool IsSurname(string token, string first) =>
        gazetteer.IsLastName(token)
        || (!NameGazetteer.CommonWords.Contains(token) && !gazetteer.IsFirstName(token) && first.Length >= 3 && !gazetteer.IsLastName(first) && token.Length >= 3 && !IsAllCaps(token));

    private void AddAfterCue(string text, MatchCollection tokens, Match cue, bool strong, List<(int Start, int End)> spans)
    {
        var end = cue.Index + cue.Length;
        var i = FirstTokenAtOrAfter(tokens, end);
        if (i < 0 || !OnlySpaces(text, end, tokens[i].Index)) return;
        var token = tokens[i].Value;
        if (IsAllCaps(token)) return;
        if (NameGazetteer.CommonWords.Contains(token) && !(gazetteer.IsKnownFirstName(token) && Adjacent(text, tokens, i) && gazetteer.IsLastName(tokens[i + 1].Value))) return;
        var last = i;
        while (last - i < 2 && Adjacent(text, tokens, last) && !NameGazetteer.CommonWords.Contains(tokens[last + 1].Value) && !IsAllCaps(tokens[last + 1].Value))
            last++;
        // After "Thanks," or "Regards," an unknown full name that ends the line is a signature.
        var signature = last > i && EndsLine(text, tokens[last].Index + tokens[last].Length);
        if (!strong && !signature && !gazetteer.IsFirstName(token) && !gazetteer.IsLastName(token)) return;
        spans.Add((tokens[i].Index, tokens[last].Index + tokens[last].Length));
    }

    private static bool EndsLine(string text, int end)
    {
        var rest = text.AsSpan(end).TrimStart(" \t.!");
        return rest.IsEmpty || rest[0] is '\n' or '\r';
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

    private static bool OnlySpaces(string text, int from, int to) => to - from <= 3 && text.AsSpan(from, to - from).Trim(" \t\"'").IsEmpty;

    /// <summary>Token i+1 follows token i separated only by one space, or by name particles (van der, de la, von).</summary>
    private static bool Adjacent(string text, MatchCollection tokens, int i)
    {
        if (i + 1 >= tokens.Count) return false;
        var gapStart = tokens[i].Index + tokens[i].Length;
        var gap = text.AsSpan(gapStart, tokens[i + 1].Index - gapStart);
        return gap is " " || Particles().IsMatch(gap);
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:Mc|Mac|O['’]|D['’])?\p{Lu}\p{Ll}+(?:[\-'’]\p{Lu}\p{Ll}+)*(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"^ (?:(?:van|von|der|den|de|del|della|di|da|du|la|le|ter|zu|dos|das|bin|al)\s){1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Particles();

    [GeneratedRegex(@"(?:(?i:my name is|my name's|name is|i am called|mein name ist|ich heiße|je m'appelle|je m’appelle|mon nom est|me llamo|mi nombre es|mi chiamo|mijn naam is|nazywam się|meu nome é|chamo-me)\s+|(?:\b(?:Full name|Name|Nom|Nombre|Nome|Customer name|Cardholder|Account holder|Contact person|Recipient|Ansprechpartner|Empfänger|Titulaire|Kontoinhaber)\s*:\s*)|\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Sra|Srta|Sig|Sig\.ra|Mme|Mlle|M)\.\s*|\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Miss|Herr|Frau|Monsieur|Madame|Mademoiselle|Señor|Señora|Signor|Signora|Signorina|Dhr\.|Mevr\.)\s+)", RegexOptions.CultureInvariant)]
    private static partial Regex Cue();

    [GeneratedRegex(@"(?:\b(?:Hi|Hello|Hey|Dear|Hallo|Liebe|Lieber|Bonjour|Cher|Chère|Hola|Estimado|Estimada|Ciao|Gentile|Beste|Thanks|Thank you|Regards|Best|Cheers|Sincerely|Grüße|Gruß|Cordialement|Saludos|Saluti|Groeten|ask for|spoke to|spoke with|talked to|agent|customer|client|I'm|I am|ich bin|je suis|soy|sono|ik ben|this is|signed)[,:]?\s+)", RegexOptions.CultureInvariant)]
    private static partial Regex WeakCue();
}
