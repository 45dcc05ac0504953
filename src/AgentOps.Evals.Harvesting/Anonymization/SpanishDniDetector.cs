using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>Spanish DNI (8 digits + check letter) and NIE (X/Y/Z + 7 digits + check letter).</summary>
internal sealed partial class SpanishDniDetector : IPiiDetector
{
    public void Detect(string text, List<PiiSpan> found)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            var prefix = match.Groups["nie"].Value switch { "X" => "0", "Y" => "1", "Z" => "2", _ => "" };
            var number = int.Parse(prefix + match.Groups["digits"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (CheckDigits.DniLetters[number % 23] != match.Groups["letter"].Value[0]) continue;
            found.Add(new PiiSpan(match.Index, match.Index + match.Length, PiiType.NationalId, "es-dni"));
        }
    }

    [GeneratedRegex(@"(?<![\w\-])(?:(?<nie>[XYZ])(?<digits>\d{7})|(?<digits>\d{8}))-?(?<letter>[A-Z])(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
