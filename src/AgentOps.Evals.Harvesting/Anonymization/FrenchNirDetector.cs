using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>French social security numbers (NIR): sex, year, month, department, commune, order, and the mod-97 key.</summary>
internal sealed partial class FrenchNirDetector : IPiiDetector
{
    public void Detect(string text, List<PiiSpan> found)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            var month = int.Parse(match.Groups["month"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 and < 20 or > 42) continue;
            var body = match.Groups["sex"].Value + match.Groups["year"].Value + match.Groups["month"].Value + match.Groups["dept"].Value
                + match.Groups["commune"].Value + match.Groups["order"].Value;
            var key = int.Parse(match.Groups["key"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            if (CheckDigits.NirKey(body) != key) continue;
            found.Add(new PiiSpan(match.Index, match.Index + match.Length, PiiType.NationalId, "fr-nir"));
        }
    }

    [GeneratedRegex(@"(?<![\w\-])(?<sex>[12]) ?(?<year>\d{2}) ?(?<month>\d{2}) ?(?<dept>\d{2}|2A|2B) ?(?<commune>\d{3}) ?(?<order>\d{3}) ?(?<key>\d{2})(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
