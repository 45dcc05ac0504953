using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>
/// Street addresses: "12 Baker Street" and the US suffixes Bogus knows; "Hauptstraße 5", "Ahornweg 3a" and German
/// street names from Bogus; "12 rue de la Paix"; "Calle Mayor 5", "Via Roma 10", "Rambla Mayor s/n". The house number is
/// required (or "s/n", sin número).
/// </summary>
internal sealed partial class StreetAddressDetector : IPiiDetector
{
    private static readonly Lazy<Regex> English = new(() => new Regex(
        @"(?<![\w\-.])\d{1,5}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:\p{Lu}[\p{L}'’.\-]*\s+){1,3}(?:" + Suffixes() + @")\b\.?(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Flat|#)\.?\s*#?[\w\-]+)?",
        RegexOptions.CultureInvariant | RegexOptions.Compiled));

    private static readonly Lazy<Regex> Romance = new(() => new Regex(
        @"(?<![\w\-])(?:" + RomancePrefixes() + @")\s+(?:(?:de|del|de la|de los|de las|dos|das|da|do|di|della|delle|dei|degli)\s+)?(?:\p{Lu}[\p{L}'’.\-]*\s*){1,4},?\s*(?:(?:n\.?\s?º?\s*)?\d{1,4}(?![\w])|s/n\.?)",
        RegexOptions.CultureInvariant | RegexOptions.Compiled));

    private static readonly Lazy<HashSet<string>> GermanStreets = new(() =>
        new HashSet<string>(NameGazetteer.Read("address", "street_root", "de"), StringComparer.Ordinal));

    public void Detect(string text, List<PiiSpan> found)
    {
        // New forms use [ \t], not \s: an address never continues across a line break into the next sentence.
        // Every form needs a house number, except the Spanish "s/n" (sin número).
        if (!text.AsSpan().ContainsAnyInRange('0', '9') && !text.Contains("s/n", StringComparison.Ordinal)) return;
        foreach (var match in English.Value.EnumerateMatches(text)) Add(found, match.Index, match.Length);
        foreach (var match in German().EnumerateMatches(text)) Add(found, match.Index, match.Length);
        foreach (var match in Romance.Value.EnumerateMatches(text)) Add(found, match.Index, match.Length);
        foreach (var match in French().EnumerateMatches(text)) Add(found, match.Index, match.Length);
        foreach (var match in NumberFirstGermanic().EnumerateMatches(text)) Add(found, match.Index, match.Length);
        foreach (var match in SeparateStreetWord().EnumerateMatches(text)) Add(found, match.Index, match.Length);
        foreach (var match in SlavicPrefix().EnumerateMatches(text)) Add(found, match.Index, match.Length);
        foreach (var match in EastAsian().EnumerateMatches(text)) Add(found, match.Index, match.Length);
        foreach (Match match in GermanRootCandidate().Matches(text))
        {
            // The candidate may start with a word that is not part of the street ("Bitte Alte Heide 5"): try each tail.
            var street = match.Groups["street"];
            for (var start = 0; start < street.Length; start = street.Value.IndexOf(' ', start) + 1)
            {
                if (GermanStreets.Value.Contains(street.Value[start..]))
                {
                    Add(found, street.Index + start, match.Index + match.Length - street.Index - start);
                    break;
                }
                if (street.Value.IndexOf(' ', start) < 0) break;
            }
        }
    }

    private static void Add(List<PiiSpan> found, int index, int length) =>
        found.Add(new PiiSpan(index, index + length, PiiType.StreetAddress));

    private static string Suffixes()
    {
        var suffixes = new HashSet<string>(NameGazetteer.Read("address", "street_suffix", "en"), StringComparer.Ordinal)
        {
            "Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Lane", "Ln", "Drive", "Dr", "Court", "Ct",
            "Way", "Place", "Pl", "Terrace", "Circle", "Cir", "Parkway", "Pkwy", "Highway", "Hwy", "Square", "Sq", "Close",
            "Crescent", "Gardens", "Mews", "Row", "Grove", "Hill", "Walk", "Green",
        };
        return string.Join('|', suffixes.OrderByDescending(s => s.Length).Select(Regex.Escape));
    }

    [GeneratedRegex(@"(?<![\w\-])\p{Lu}[\p{L}\-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad|stieg|markt|berg|hof|graben|kamp|laan|straat|gracht|plein|kade|plantsoen|passage|steeg|park|rijk|sloot|velt|dijk|gatan|gata|vägen|väg|gränd|torget|gade|gate|vej|veien|vegen|gaten|stræde|allé|tie|katu|kuja|polku|utca|út|tér|sokak|sokağı|caddesi|bulvarı|ulica|ulice|třída|náměstí|cesta|iela|gatvė|tänav|prospekt)\s+\d{1,4}(?:\s?[a-z])?(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex German();

    [GeneratedRegex(@"(?<![\w\-])(?<street>(?:\p{Lu}[\p{L}\-]*\.?\s|(?:dem|der|den|die|das|am|im|zum|zur|in|an|auf|vor|hinter)\s){0,3}\p{Lu}[\p{L}\-]*\.?)\s+\d{1,4}(?:\s?[a-z])?(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex GermanRootCandidate();

    private static string RomancePrefixes()
    {
        var prefixes = new HashSet<string>(StringComparer.Ordinal)
        {
            "Calle", "C/", "Avenida", "Avda.", "Av.", "Paseo", "Plaza", "Camino", "Carrera", "Carretera", "Ronda", "Travesía", "Rua",
            "Via", "Viale", "Piazza", "Corso", "Largo", "Vicolo", "Strada", "Travessa", "Alameda",
        };
        foreach (var locale in (string[])["es", "it", "pt_BR"])
            foreach (var suffix in NameGazetteer.Read("address", "street_suffix", locale))
                if (suffix.Length >= 3 && char.IsUpper(suffix[0])) prefixes.Add(suffix);
        return string.Join('|', prefixes.OrderByDescending(p => p.Length).Select(Regex.Escape));
    }

    /// <summary>The house number written first, as foreigners and forms do: "179 Herengracht", "5 Drottninggatan".</summary>
    [GeneratedRegex(@"(?<![\w\-.,])\d{1,4}[a-zA-Z]?[ \t]+\p{Lu}[\p{L}\-]*(?:straße|strasse|weg|allee|platz|gasse|damm|ufer|laan|straat|gracht|plein|kade|gatan|vägen|gade|vej|gate|veien|katu|tie|utca)(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex NumberFirstGermanic();

    /// <summary>"Kärntner Straße 5", "Lange Gasse 12", "Storgatan" written apart: a capitalized word, the street word, a number.</summary>
    [GeneratedRegex(@"(?<![\w\-])(?:\p{Lu}[\p{L}\-]*[ \t]){1,2}(?:Straße|Strasse|Str\.|Gasse|Weg|Allee|Platz|Ring|Damm|Ufer|Chaussee|Laan|Straat|Gracht|Plein|Gatan|Vägen|Gade|Vej|Gate|Veien|Utca|Út|Sokak|Caddesi|Street|Road|Avenue)[ \t]+\d{1,4}(?:[ \t]?[a-zA-Z])?(?:/\d{1,4})?(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex SeparateStreetWord();

    /// <summary>Polish, Czech, Baltic and Russian forms: "ul. Marszałkowska 136/12", "al. Jerozolimskie 65", "ул. Тверская 7".</summary>
    [GeneratedRegex(@"(?<![\w\-])(?i:ul\.|ulica|al\.|aleja|pl\.|os\.|ул\.|улица|пр\.|просп\.|вул\.|nám\.)[ \t]*(?:\p{Lu}[\p{L}\-\.]*[ \t]){0,3}\p{Lu}[\p{L}\-]*[ \t]+\d{1,4}[a-zA-Z]?(?:[ \t]?/[ \t]?\d{1,4})?(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex SlavicPrefix();

    /// <summary>Japanese block addresses ("7-5-2 Ginza, Chuo-ku"), Indonesian/Malay "Jalan/Jl." and Indian "MG Road"-style with a number.</summary>
    [GeneratedRegex(@"(?<![\w\-])(?:\d{1,4}-\d{1,4}(?:-\d{1,4})?[ \t]+\p{Lu}[\p{L}\-]*(?:,[ \t]*\p{Lu}[\p{L}]*-(?:ku|shi|ken|cho|machi|gu|dong|si))?|(?:Jalan|Jl\.|Jln\.?|Lorong|Soi|Thanon|Đường|Phố)[ \t]+(?:\p{Lu}[\p{L}\-]*[ \t]?){1,3}(?:No\.?[ \t]?)?\d{0,4})", RegexOptions.CultureInvariant)]
    private static partial Regex EastAsian();

    [GeneratedRegex(@"(?<![\w\-])\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?i:rue|avenue|boulevard|bd|allée|impasse|place|chemin|quai|route|cours|passage|voie|square)\s+(?:(?:de la|de l['’]|des|du|de|d['’]|la|le|les)\s*)?\p{Lu}[\p{L}'’\-]*(?:\s+(?:de la|de|des|du|d['’]|la|le|les|\p{Lu}[\p{L}'’\-]*)){0,4}", RegexOptions.CultureInvariant)]
    private static partial Regex French();
}
