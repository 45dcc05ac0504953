using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>Email addresses, Unicode local parts and domains included.</summary>
internal sealed partial class EmailDetector : IPiiDetector
{
    public void Detect(string text, List<PiiSpan> found)
    {
        if (!text.Contains('@')) return;
        foreach (var match in Pattern().EnumerateMatches(text))
            found.Add(new PiiSpan(match.Index, match.Index + match.Length, PiiType.Email));
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}](?:[\p{L}\p{N}._%+\-]{0,63})@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}\-])", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
