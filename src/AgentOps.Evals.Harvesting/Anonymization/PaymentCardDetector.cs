using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>Payment card numbers: 13–19 digits, a network's leading digit, consistent grouping, and a valid Luhn check.</summary>
internal sealed partial class PaymentCardDetector : IPiiDetector
{
    public void Detect(string text, List<PiiSpan> found)
    {
        Span<char> buffer = stackalloc char[64];
        foreach (var match in Pattern().EnumerateMatches(text))
        {
            var value = text.AsSpan(match.Index, match.Length);
            if (value.Length > buffer.Length) continue;
            var digits = buffer;
            var n = 0;
            var spaces = false;
            var dashes = false;
            foreach (var ch in value)
            {
                if (char.IsAsciiDigit(ch)) digits[n++] = ch;
                else if (ch == ' ') spaces = true;
                else dashes = true;
            }
            if (n is < 13 or > 19 || (spaces && dashes) || digits[0] is < '2' or > '6') continue;
            if (CheckDigits.Luhn(digits[..n]))
                found.Add(new PiiSpan(match.Index, match.Index + match.Length, PiiType.PaymentCard));
        }
    }

    [GeneratedRegex(@"(?<![\w\-.,+])\d(?:[ \-]?\d){12,18}(?![\w\-]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
