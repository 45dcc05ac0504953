using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>
/// Secrets without a known prefix, anchored on a keyword ("password:", "api_key=", "client secret is") and kept only
/// when the value looks random: a password needs a digit or symbol, a key or token needs 16+ characters of high entropy.
/// </summary>
internal sealed partial class KeywordSecretDetector : IPiiDetector
{
    public void Detect(string text, List<PiiSpan> found)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            var value = match.Groups["value"];
            var keyword = match.Groups["keyword"].Value.ToLowerInvariant();
            var isPassword = keyword.StartsWith("pass", StringComparison.Ordinal) || keyword is "pwd" or "mot de passe" or "contraseña" or "kennwort";
            // "password-reset-008" or "Passwort vergessen" name the topic, not a secret: a value needs a separator
            // (':', '=', "is") after its keyword; only "Bearer xyz" carries its value bare.
            var keywordEnd = match.Groups["keyword"].Index + match.Groups["keyword"].Length;
            if (keyword != "bearer" && text.AsSpan(keywordEnd, value.Index - keywordEnd).Trim().Trim("\"'").IsEmpty) continue;
            if (!LooksSecret(value.ValueSpan, isPassword)) continue;
            found.Add(new PiiSpan(value.Index, value.Index + value.Length, PiiType.Secret, isPassword ? "PASSWORD" : "SECRET"));
        }
    }

    internal static bool LooksSecret(ReadOnlySpan<char> value, bool isPassword)
    {
        if (value.StartsWith("<") || value.StartsWith("${") || value.StartsWith("{{") || value.Contains("***", StringComparison.Ordinal)) return false;
        var digits = 0;
        var letters = 0;
        var others = 0;
        foreach (var ch in value)
        {
            if (char.IsDigit(ch)) digits++;
            else if (char.IsLetter(ch)) letters++;
            else others++;
        }
        if (isPassword) return value.Length >= 6 && letters + digits > 0 && (digits > 0 || others > 0) && !(letters == 0 && others == 0 && value.Length < 8);
        return value.Length >= 16 && digits > 0 && letters > 0 && ShannonEntropy(value) >= 3.3;
    }

    internal static double ShannonEntropy(ReadOnlySpan<char> value)
    {
        Span<int> counts = stackalloc int[128];
        var other = 0;
        foreach (var ch in value)
        {
            if (ch < 128) counts[ch]++;
            else other++;
        }
        var entropy = 0.0;
        foreach (var c in counts)
        {
            if (c == 0) continue;
            var p = (double)c / value.Length;
            entropy -= p * Math.Log2(p);
        }
        if (other > 0) { var p = (double)other / value.Length; entropy -= p * Math.Log2(p); }
        return entropy;
    }

    [GeneratedRegex(@"(?i)(?<![\w])(?<keyword>api[_\- ]?key|apikey|secret[_\- ]?key|secret|client[_\- ]?secret|access[_\- ]?token|auth[_\- ]?token|bearer|token|password|passwort|kennwort|passwd|pwd|passcode|mot de passe|contraseña|private[_\- ]?key|aws_secret_access_key|signing[_\- ]?key)(?![\w])[""']?\s*(?:[:=]|\bis\b|\bist\b|\best\b|\bes\b)?\s*[""']?(?<value>[^\s""',;<>]{6,200})", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
