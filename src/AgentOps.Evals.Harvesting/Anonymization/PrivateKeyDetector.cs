using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>PEM private keys, whole blocks, with real or escaped (<c>\n</c>) line breaks; a truncated block runs to the end of its base64.</summary>
internal sealed partial class PrivateKeyDetector : IPiiDetector
{
    public void Detect(string text, List<PiiSpan> found)
    {
        if (!text.Contains("PRIVATE KEY", StringComparison.Ordinal)) return;
        foreach (var match in Pattern().EnumerateMatches(text))
            found.Add(new PiiSpan(match.Index, match.Index + match.Length, PiiType.Secret, "PRIVATE_KEY"));
    }

    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|(?:[A-Za-z0-9+/=\s]|\\n|\\r)*)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
