using System.Numerics;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>The check-digit rules that tell a real identifier from a number that merely looks like one.</summary>
internal static class CheckDigits
{
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9) return false;
            if (doubleIt) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /// <summary>The digit that makes <paramref name="withoutCheck"/> + digit pass Luhn.</summary>
    public static char LuhnCheckDigit(ReadOnlySpan<char> withoutCheck)
    {
        Span<char> buffer = stackalloc char[withoutCheck.Length + 1];
        withoutCheck.CopyTo(buffer);
        for (var c = '0'; c <= '9'; c++)
        {
            buffer[^1] = c;
            if (Luhn(buffer)) return c;
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>ISO 13616 mod-97 over an IBAN without spaces.</summary>
    public static bool IbanMod97(string iban) => IbanRemainder(iban[4..] + iban[..4]) == 1;

    /// <summary>The two check digits for an IBAN with country code and BBAN.</summary>
    public static string IbanCheckDigits(string country, string bban) =>
        (98 - IbanRemainder(bban + country + "00")).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private static int IbanRemainder(string rearranged)
    {
        var remainder = 0;
        foreach (var ch in rearranged)
        {
            if (char.IsAsciiDigit(ch)) remainder = (remainder * 10 + (ch - '0')) % 97;
            else if (char.IsAsciiLetterUpper(ch)) remainder = (remainder * 100 + (ch - 'A' + 10)) % 97;
            else return -1;
        }
        return remainder;
    }

    /// <summary>Dutch BSN "11-proof".</summary>
    public static bool ElevenProof(ReadOnlySpan<char> nine)
    {
        if (nine.Length != 9) return false;
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (nine[i] - '0') * (9 - i);
        sum -= nine[8] - '0';
        return sum % 11 == 0;
    }

    public const string DniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

    /// <summary>French NIR key: 97 - (number mod 97), Corsica's 2A/2B counted as 19/18.</summary>
    public static int NirKey(string thirteen)
    {
        var normalized = thirteen.Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal);
        return 97 - (int)(BigInteger.Parse(normalized, System.Globalization.CultureInfo.InvariantCulture) % 97);
    }
}
