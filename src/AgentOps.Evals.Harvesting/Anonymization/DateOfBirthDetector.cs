using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>Dates of birth: a date right after "born", "DOB", "date of birth" and their German, French, Spanish and Italian forms. Other dates (order dates) stay.</summary>
internal sealed partial class DateOfBirthDetector : IPiiDetector
{
    public void Detect(string text, List<PiiSpan> found)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            var date = match.Groups["date"];
            found.Add(new PiiSpan(date.Index, date.Index + date.Length, PiiType.DateOfBirth));
        }
    }

    [GeneratedRegex(@"(?i)\b(?:born(?:\s+on)?|date of birth|birth\s?date|birthday|d\.?o\.?b\.?|geboren(?:\s+am)?|geburtsdatum|geb\.|née?\s+le|date de naissance|fecha de nacimiento|nacid[oa]\s+el|data di nascita|nat[oa]\s+il|geboortedatum|data de nascimento)\b\s*[:\-]?\s*(?<date>\d{4}-\d{2}-\d{2}|\d{1,2}[./\-]\d{1,2}[./\-](?:\d{4}|\d{2})|\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,10}\.?(?:\s+de)?\s+\d{4}|\p{L}{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
