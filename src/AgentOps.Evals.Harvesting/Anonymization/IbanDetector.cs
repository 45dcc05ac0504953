using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>IBANs in any case, compact or spaced in any grouping, checked against the country's length and ISO 13616 mod-97.</summary>
internal sealed partial class IbanDetector : IPiiDetector
{
    /// <summary>IBAN lengths of the countries customers write from most; others need 15–34 characters.</summary>
    private static readonly Dictionary<string, int> Lengths = new()
    {
        ["AT"] = 20, ["BE"] = 16, ["CH"] = 21, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18, ["ES"] = 24, ["FI"] = 18,
        ["FR"] = 27, ["GB"] = 22, ["IE"] = 22, ["IT"] = 27, ["LU"] = 20, ["NL"] = 18, ["NO"] = 15, ["PL"] = 28,
        ["PT"] = 25, ["SE"] = 24, ["GR"] = 27, ["HU"] = 28, ["RO"] = 24, ["HR"] = 21, ["SK"] = 24, ["SI"] = 19,
    };

    public void Detect(string text, List<PiiSpan> found)
    {
        foreach (var match in Pattern().EnumerateMatches(text))
        {
            var compact = Compact(text.Substring(match.Index, match.Length));
            // The optional trailing group may swallow a following word; retry shorter before giving up.
            var length = match.Length;
            while (true)
            {
                if (IsIban(compact))
                {
                    found.Add(new PiiSpan(match.Index, match.Index + length, PiiType.Iban));
                    break;
                }
                var lastSpace = text.LastIndexOf(' ', match.Index + length - 1, length);
                if (lastSpace <= match.Index) break;
                length = lastSpace - match.Index;
                compact = Compact(text.Substring(match.Index, length));
            }
        }
    }

    // Customers type IBANs lower-case and spaced however they like; the checksum decides, not the formatting.
    private static string Compact(string value) => value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>ISO 13616 registry countries: with case-insensitive matching, "to 542 Ludwig..." must not pass on mod-97 luck.</summary>
    private static readonly HashSet<string> Countries = new(StringComparer.Ordinal)
    {
        "AD", "AE", "AL", "AT", "AZ", "BA", "BE", "BG", "BH", "BI", "BR", "BY", "CH", "CR", "CY", "CZ", "DE", "DJ", "DK", "DO", "EE", "EG",
        "ES", "FI", "FK", "FO", "FR", "GB", "GE", "GI", "GL", "GR", "GT", "HR", "HU", "IE", "IL", "IQ", "IS", "IT", "JO", "KW", "KZ", "LB",
        "LC", "LI", "LT", "LU", "LV", "LY", "MC", "MD", "ME", "MK", "MN", "MR", "MT", "MU", "NI", "NL", "NO", "OM", "PK", "PL", "PS", "PT",
        "QA", "RO", "RS", "RU", "SA", "SC", "SD", "SE", "SI", "SK", "SM", "SO", "ST", "SV", "TL", "TN", "TR", "UA", "VA", "VG", "XK", "YE",
    };

    internal static bool IsIban(string compact)
    {
        if (compact.Length is < 15 or > 34 || !Countries.Contains(compact[..2])) return false;
        if (Lengths.TryGetValue(compact[..2], out var expected) && expected != compact.Length) return false;
        return CheckDigits.IbanMod97(compact);
    }

    [GeneratedRegex(@"(?<![\w])[A-Za-z]{2}\d{2}(?:(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,4})?|[A-Za-z0-9]{11,30})(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
