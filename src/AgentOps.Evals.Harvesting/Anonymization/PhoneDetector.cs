using System.Text.RegularExpressions;
using PhoneNumbers;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>
/// Phone numbers in international (+CC / 00CC) and national formats (trunk 0, NANP). A candidate run of digits and
/// separators is shrunk from the right until it validates, so "call 555-123-4567 2 times" still finds the number
/// and "ORD-2026-004512", ISO dates or amounts never do. What the digit-shape rules reject is asked of libphonenumber:
/// with +country it validates against that country's plan; without, a grouped number valid in one of the common
/// regions' plans counts.
/// </summary>
internal sealed partial class PhoneDetector : IPiiDetector
{
    public void Detect(string text, List<PiiSpan> found)
    {
        foreach (var match in Candidate().EnumerateMatches(text))
        {
            var start = match.Index;
            var candidate = text.AsSpan(start, match.Length);
            while (candidate.Length >= 7)
            {
                var context = HasContext(text, start);
                if (IsPhone(candidate, context) || IsValidSomewhere(candidate, context))
                {
                    found.Add(new PiiSpan(start, start + candidate.Length, PiiType.Phone));
                    break;
                }
                var cut = candidate.LastIndexOfAny(" .-()");
                if (cut <= 0) break;
                candidate = candidate[..cut].TrimEnd(" .-(");
            }
        }
    }

    private static bool IsPhone(ReadOnlySpan<char> candidate, bool context)
    {
        var digits = 0;
        var separators = 0;
        var opens = 0;
        var closes = 0;
        for (var i = 0; i < candidate.Length; i++)
        {
            var ch = candidate[i];
            if (char.IsAsciiDigit(ch)) digits++;
            else if (ch == '(') opens++;
            else if (ch == ')') closes++;
            else if (ch != '+') separators++;
            if (i > 0 && !char.IsAsciiDigit(ch) && !char.IsAsciiDigit(candidate[i - 1]) && !(candidate[i - 1] == ')' && ch == ' ') && !(ch == '(' && candidate[i - 1] == ' '))
                return false;
        }
        if (opens != closes || !char.IsAsciiDigit(candidate[^1])) return false;
        if (LooksLikeDate(candidate) || LooksLikeDecimal(candidate)) return false;
        var structured = separators + opens > 0;
        if (candidate[0] == '+' || candidate.StartsWith("00"))
            return digits is >= 8 and <= 15 && (structured || context || digits >= 10);
        if (candidate[0] == '(' || candidate[0] == '0')
            return digits is >= 9 and <= 13 && (structured || context);
        if (Nanp().IsMatch(candidate)) return true;
        // Spain, Italy mobiles and similar 9-digit plans: 3-3-3 groups.
        if (NineDigits().IsMatch(candidate)) return structured || context;
        return context && !structured && digits is 10 or 11;
    }

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Regions tried for a number written without +country, most customers first.</summary>
    private static readonly string[] Regions = ["US", "GB", "DE", "FR", "ES", "IT", "NL", "IN", "AU", "BR", "JP", "CN", "KR", "PL", "SE", "MX", "CA", "IE", "CH", "AT", "BE", "PT", "ZA", "NG", "TR"];

    private static bool IsValidSomewhere(ReadOnlySpan<char> candidate, bool context)
    {
        var digits = 0;
        var separators = 0;
        foreach (var ch in candidate)
        {
            if (char.IsAsciiDigit(ch)) digits++;
            else if (ch is ' ' or '-' or '.' or '(' or ')') separators++;
        }
        if (digits is < 7 or > 15 || LooksLikeDate(candidate) || LooksLikeDecimal(candidate)) return false;
        // "555-123-4567 2 times": a lone trailing digit is the next word, not part of the number.
        var lastGroup = candidate.Length - 1 - candidate.LastIndexOfAny(" .-()");
        if (lastGroup < 2) return false;
        var value = candidate.ToString();
        try
        {
            if (candidate[0] == '+' || candidate.StartsWith("00"))
                return Util.IsValidNumber(Util.Parse(candidate[0] == '+' ? value : "+" + value[2..], "ZZ"));
            // Bare digit runs, versions and postcodes look like national numbers: only a trunk-0 or (area) number of
            // 9+ digits, or one beside a cue, is tried.
            if (digits < 9 || !(candidate[0] is '0' or '(' || context)) return false;
            foreach (var region in Regions)
                if (Util.IsValidNumberForRegion(Util.Parse(value, region), region)) return true;
        }
        catch (NumberParseException)
        {
        }
        return false;
    }

    private static bool LooksLikeDate(ReadOnlySpan<char> s) => IsoDate().IsMatch(s) || DottedDate().IsMatch(s);

    private static bool LooksLikeDecimal(ReadOnlySpan<char> s) => s.Count('.') == 1 && s.Count(' ') == 0 && s.Count('-') == 0;

    private static bool HasContext(string text, int start)
    {
        var from = Math.Max(0, start - 24);
        return Context().IsMatch(text.AsSpan(from, start - from));
    }

    [GeneratedRegex(@"(?<![\w+\-/.,:])(?:\+|00)?\(?\d[\d ().\-]{5,24}\d(?![\w\-/]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"^(?:1[ .\-]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .\-])\d{3}[ .\-]\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Nanp();

    [GeneratedRegex(@"^[36789]\d{2}[ .\-]?\d{3}[ .\-]?\d{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex NineDigits();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}|^\d{1,2}[.\-]\d{1,2}[.\-]\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{2}\.\d{2}\.\d{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedDate();

    [GeneratedRegex(@"(?i)(?:phone|tel\b|tel\.|telephone|call|mobile|cell|whatsapp|sms|text me|fax|handy|telefon|rufnummer|t[ée]l[ée]phone|portable|m[óo]vil|tel[ée]fono|cellulare|numero|number|nummer|num[ée]ro|n[úu]mero)[^\n]{0,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Context();
}
