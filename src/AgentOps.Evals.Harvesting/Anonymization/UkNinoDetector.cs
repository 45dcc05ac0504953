using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>UK National Insurance numbers: two prefix letters (minus the never-issued ones), six digits, suffix A–D.</summary>
internal sealed partial class UkNinoDetector : IPiiDetector
{
    private static readonly HashSet<string> NeverIssued = ["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"];

    public void Detect(string text, List<PiiSpan> found)
    {
        foreach (var match in Pattern().EnumerateMatches(text))
        {
            if (NeverIssued.Contains(text.Substring(match.Index, 2))) continue;
            found.Add(new PiiSpan(match.Index, match.Index + match.Length, PiiType.NationalId, "uk-nino"));
        }
    }

    [GeneratedRegex(@"(?<!\w)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
