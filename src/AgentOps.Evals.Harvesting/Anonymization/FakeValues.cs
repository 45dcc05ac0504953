using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Bogus;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>
/// Realistic fakes that keep a value's format (a phone stays a phone with the same country code and grouping, a fake
/// card passes Luhn, an IBAN keeps its country and passes mod-97). Deterministic: the seed is an HMAC of the value under
/// the harvest key, so the same value gets the same fake in every case and every night, and another key gets another.
/// </summary>
internal static partial class FakeValues
{
    public static string Create(PiiSpan span, string original, ReadOnlySpan<byte> key)
    {
        var seed = Seed(key, span.Type, original);
        var random = new Randomizer(seed);
        var fake = span.Type switch
        {
            PiiType.Email => Email(seed),
            PiiType.Phone => Phone(original, random),
            PiiType.PaymentCard => Card(original, random),
            PiiType.Iban => Iban(original, random),
            PiiType.NationalId => NationalId(original, span.Label, random),
            PiiType.IpAddress => IpAddress(original, random),
            PiiType.PersonName => PersonName(original, random),
            PiiType.StreetAddress => StreetAddress(original, seed),
            PiiType.DateOfBirth => DateOfBirth(original, random),
            _ => KeepClasses(original, random),
        };
        // A fake equal to the original would leak it; the chance is tiny, but a second draw costs nothing.
        return fake == original ? KeepClasses(original, new Randomizer(seed + 1)) : fake;
    }

    internal static int Seed(ReadOnlySpan<byte> key, PiiType type, string value)
    {
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(type.ToName() + "\0" + value));
        return BitConverter.ToInt32(hash, 0) & int.MaxValue;
    }

    private static string Email(int seed)
    {
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        return faker.Internet.Email(faker.Name.FirstName(), faker.Name.LastName()).ToLowerInvariant();
    }

    /// <summary>Keeps '+', the country code and a trunk 0; every other digit is drawn anew.</summary>
    private static string Phone(string original, Randomizer random)
    {
        var chars = original.ToCharArray();
        var keep = 0;
        var i = 0;
        if (original.StartsWith('+') || original.StartsWith("00", StringComparison.Ordinal))
        {
            i = original.StartsWith('+') ? 1 : 2;
            // Country code: digits up to the first separator, at most three.
            while (i < chars.Length && char.IsAsciiDigit(chars[i]) && keep < 3) { i++; keep++; }
        }
        else if (original.TrimStart('(').StartsWith('0'))
        {
            i = original.IndexOf('0', StringComparison.Ordinal) + 1;
        }
        var firstFree = true;
        for (; i < chars.Length; i++)
        {
            if (!char.IsAsciiDigit(chars[i])) continue;
            chars[i] = (char)('0' + (firstFree ? random.Number(2, 9) : random.Number(0, 9)));
            firstFree = false;
        }
        return new string(chars);
    }

    private static string Card(string original, Randomizer random)
    {
        var positions = new List<int>();
        for (var i = 0; i < original.Length; i++) if (char.IsAsciiDigit(original[i])) positions.Add(i);
        var digits = new char[positions.Count];
        digits[0] = original[positions[0]];
        for (var i = 1; i < digits.Length - 1; i++) digits[i] = (char)('0' + random.Number(0, 9));
        digits[^1] = CheckDigits.LuhnCheckDigit(digits.AsSpan(0, digits.Length - 1));
        var chars = original.ToCharArray();
        for (var i = 0; i < positions.Count; i++) chars[positions[i]] = digits[i];
        return new string(chars);
    }

    private static string Iban(string original, Randomizer random)
    {
        var compact = original.Replace(" ", "", StringComparison.Ordinal);
        var country = compact[..2];
        var bban = new string(compact[4..].Select(c => char.IsAsciiDigit(c) ? (char)('0' + random.Number(0, 9)) : (char)('A' + random.Number(0, 25))).ToArray());
        var fake = country + CheckDigits.IbanCheckDigits(country, bban) + bban;
        return Regroup(original, fake);
    }

    /// <summary>Puts the original's spaces back at the same positions.</summary>
    private static string Regroup(string original, string compact)
    {
        var builder = new StringBuilder(original.Length);
        var j = 0;
        foreach (var ch in original)
            builder.Append(ch == ' ' ? ' ' : compact[j++]);
        return builder.ToString();
    }

    private static string NationalId(string original, string? label, Randomizer random)
    {
        switch (label)
        {
            case "us-ssn":
            {
                var area = random.Number(1, 898);
                if (area == 666) area = 667;
                var sep = original.Length == 11 ? original[3].ToString() : "";
                return string.Create(CultureInfo.InvariantCulture, $"{area:000}{sep}{random.Number(1, 99):00}{sep}{random.Number(1, 9999):0000}");
            }
            case "uk-nino":
            {
                string[] prefixes = ["AB", "CE", "JK", "PR", "SW", "TX", "WL", "YM", "HP", "EH"];
                var compact = random.ArrayElement(prefixes) + random.Number(0, 999999).ToString("000000", CultureInfo.InvariantCulture) + "ABCD"[random.Number(0, 3)];
                return Regroup(original, compact);
            }
            case "es-dni":
            {
                var digits = original.StartsWith('X') || original.StartsWith('Y') || original.StartsWith('Z') ? 7 : 8;
                var number = random.Number(digits == 7 ? 1_000_000 : 10_000_000, digits == 7 ? 9_999_999 : 99_999_999);
                var prefix = digits == 7 ? original[..1] : "";
                var checkBase = digits == 7 ? int.Parse(("XYZ".IndexOf(original[0], StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture) + number.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : number;
                var sep = original.Contains('-') ? "-" : "";
                return prefix + number.ToString(CultureInfo.InvariantCulture) + sep + CheckDigits.DniLetters[checkBase % 23];
            }
            case "nl-bsn":
            {
                while (true)
                {
                    var candidate = random.Number(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
                    if (CheckDigits.ElevenProof(candidate)) return RegroupDigits(original, candidate);
                }
            }
            case "fr-nir":
            {
                var body = string.Create(CultureInfo.InvariantCulture,
                    $"{original[0]}{random.Number(40, 99):00}{random.Number(1, 12):00}{random.Number(1, 95):00}{random.Number(1, 999):000}{random.Number(1, 999):000}");
                return RegroupDigits(original, body + CheckDigits.NirKey(body).ToString("00", CultureInfo.InvariantCulture));
            }
            default:
                return KeepClasses(original, random);
        }
    }

    /// <summary>Puts the original's non-alphanumeric separators back at the same positions.</summary>
    private static string RegroupDigits(string original, string compact)
    {
        var builder = new StringBuilder(original.Length);
        var j = 0;
        foreach (var ch in original)
            builder.Append(char.IsLetterOrDigit(ch) && j < compact.Length ? compact[j++] : ch);
        return builder.ToString();
    }

    private static string IpAddress(string original, Randomizer random)
    {
        if (!original.Contains(':'))
            return string.Create(CultureInfo.InvariantCulture, $"{random.Number(11, 223)}.{random.Number(0, 255)}.{random.Number(0, 255)}.{random.Number(1, 254)}");
        var bytes = random.Bytes(16);
        return new System.Net.IPAddress(bytes).ToString();
    }

    private static string PersonName(string original, Randomizer random)
    {
        var gazetteer = NameGazetteer.Shared;
        var tokens = original.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var locale = gazetteer.LocaleOf(tokens[0]);
        if (tokens.Length == 1)
        {
            // A lone name after a title ("Mr Smith") is a surname; after "Hi" a first name. Either reads naturally.
            return gazetteer.IsLastName(tokens[0]) && !gazetteer.IsFirstName(tokens[0])
                ? random.ListItem(gazetteer.LastNames(locale).ToList())
                : random.ListItem(gazetteer.FirstNames(locale).ToList());
        }
        var parts = new List<string>();
        for (var i = 0; i < tokens.Length - 1; i++)
        {
            if (char.IsLower(tokens[i][0])) continue;
            parts.Add(random.ListItem(gazetteer.FirstNames(locale).ToList()));
        }
        parts.Add(random.ListItem(gazetteer.LastNames(locale).ToList()));
        return string.Join(' ', parts);
    }

    private static string StreetAddress(string original, int seed)
    {
        var locale = GermanStreet().IsMatch(original) ? "de"
            : FrenchStreet().IsMatch(original) ? "fr"
            : RomanceStreet().IsMatch(original) ? "es"
            : "en";
        var faker = new Faker(locale) { Random = new Randomizer(seed) };
        return faker.Address.StreetAddress();
    }

    private static string DateOfBirth(string original, Randomizer random)
    {
        var year = random.Number(1940, 2004);
        var month = random.Number(1, 12);
        var day = random.Number(1, 28);
        var iso = IsoDate().Match(original);
        if (iso.Success) return string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}");
        var numeric = NumericDate().Match(original);
        if (numeric.Success)
        {
            var sep = numeric.Groups["sep"].Value;
            var yearText = numeric.Groups["year"].Length == 2 ? (year % 100).ToString("00", CultureInfo.InvariantCulture) : year.ToString(CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture, $"{day:00}{sep}{month:00}{sep}{yearText}");
        }
        // A month written as a word: keep the word, draw the day and the year.
        var replacedYear = FourDigits().Replace(original, year.ToString(CultureInfo.InvariantCulture), 1);
        return DayNumber().Replace(replacedYear, day.ToString(CultureInfo.InvariantCulture), 1);
    }

    /// <summary>Digits become other digits, letters other letters of the same case; everything else stays.</summary>
    internal static string KeepClasses(string original, Randomizer random)
    {
        var chars = original.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiDigit(chars[i])) chars[i] = (char)('0' + random.Number(0, 9));
            else if (char.IsAsciiLetterUpper(chars[i])) chars[i] = (char)('A' + random.Number(0, 25));
            else if (char.IsAsciiLetterLower(chars[i])) chars[i] = (char)('a' + random.Number(0, 25));
        }
        return new string(chars);
    }

    [GeneratedRegex(@"(?i)(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm)\b")]
    private static partial Regex GermanStreet();

    [GeneratedRegex(@"(?i)\b(?:rue|avenue|boulevard|allée|impasse|chemin|quai|passage)\b")]
    private static partial Regex FrenchStreet();

    [GeneratedRegex(@"\b(?:Calle|Avenida|Paseo|Plaza|Via|Viale|Piazza|Corso|Rua)\b")]
    private static partial Regex RomanceStreet();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{1,2}(?<sep>[./\-])\d{1,2}\k<sep>(?<year>\d{4}|\d{2})$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\d{4}")]
    private static partial Regex FourDigits();

    [GeneratedRegex(@"\b\d{1,2}\b")]
    private static partial Regex DayNumber();
}
