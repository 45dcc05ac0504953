using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>US Social Security numbers with the SSA's validity rules; nine bare digits only next to "SSN".</summary>
internal sealed partial class UsSsnDetector : IPiiDetector
{
    public void Detect(string text, List<PiiSpan> found)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            var area = int.Parse(match.Groups["area"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            var group = int.Parse(match.Groups["group"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            var serial = int.Parse(match.Groups["serial"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            if (area is 0 or 666 or >= 900 || group == 0 || serial == 0) continue;
            if (match.Groups["sep"].Length == 0 && !Context().IsMatch(text.AsSpan(Math.Max(0, match.Index - 30), Math.Min(30, match.Index)))) continue;
            found.Add(new PiiSpan(match.Index, match.Index + match.Length, PiiType.NationalId, "us-ssn"));
        }
    }

    [GeneratedRegex(@"(?<![\w\-.])(?<area>\d{3})(?<sep>[\- ]?)(?<group>\d{2})\k<sep>(?<serial>\d{4})(?![\w\-]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"(?i)\b(?:ssn|social security|soc\.? ?sec)", RegexOptions.CultureInvariant)]
    private static partial Regex Context();
}
