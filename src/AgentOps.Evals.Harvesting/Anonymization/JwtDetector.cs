using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>JSON Web Tokens: three base64url segments, the first two JSON objects (<c>eyJ</c>).</summary>
internal sealed partial class JwtDetector : IPiiDetector
{
    public void Detect(string text, List<PiiSpan> found)
    {
        if (!text.Contains("eyJ", StringComparison.Ordinal)) return;
        foreach (var match in Pattern().EnumerateMatches(text))
            found.Add(new PiiSpan(match.Index, match.Index + match.Length, PiiType.Secret, "JWT"));
    }

    [GeneratedRegex(@"(?<![\w\-])eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
