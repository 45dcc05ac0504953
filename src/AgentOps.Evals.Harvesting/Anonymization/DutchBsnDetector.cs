using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>Dutch BSN: nine digits passing the 11-proof, only next to "BSN" or "burgerservicenummer" (bare nine digits are too common).</summary>
internal sealed partial class DutchBsnDetector : IPiiDetector
{
    public void Detect(string text, List<PiiSpan> found)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            var digits = match.Groups["digits"].Value.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (!CheckDigits.ElevenProof(digits)) continue;
            var group = match.Groups["digits"];
            found.Add(new PiiSpan(group.Index, group.Index + group.Length, PiiType.NationalId, "nl-bsn"));
        }
    }

    [GeneratedRegex(@"(?i)\b(?:bsn|burgerservicenummer|sofinummer)\b[^\d\n]{0,12}(?<digits>\d{4}[. ]?\d{2}[. ]?\d{3}|\d{3}[. ]\d{3}[. ]\d{3})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
