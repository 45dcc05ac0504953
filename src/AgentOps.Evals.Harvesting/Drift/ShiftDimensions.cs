using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;

namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>
/// The distributions drift compares, one categorical histogram per dimension: language detected from the text, locale
/// read from attributes, input length, tool mix, model id, prompt hash and the intent mix (clusters). Each against the
/// previous window, and language and length against the golden set too. A reference too small to estimate a
/// distribution from is skipped rather than compared. Pure.
/// </summary>
internal static class ShiftDimensions
{
    private const int MinPrevious = 20;
    private const int MinGolden = 10;

    public static IReadOnlyList<DimensionShift> Compare(IReadOnlyList<DriftQuery> current, IReadOnlyList<DriftQuery> previous, IReadOnlyList<GoldenCase> cases,
        int[] currentLabels, int[] previousLabels, DriftOptions options)
    {
        var shifts = new List<DimensionShift>();
        var dimensions = new (string Name, Func<DriftQuery, int, string> Of, Func<GoldenCase, string>? Golden)[]
        {
            ("language", (q, _) => LanguageDetector.Detect(q.Text), GoldenLanguage),
            ("locale attribute", (q, _) => LocaleLanguage(q.Locale), null),
            ("input length (words)", (q, _) => LengthBin(q.Text), c => LengthBin(DriftJob.GoldenText(c))),
            ("tool mix", (q, _) => q.Tools.Count == 0 ? "none" : string.Join("+", q.Tools), null),
            ("model", (q, _) => q.Model ?? "unknown", null),
            ("prompt", (q, _) => q.PromptId ?? "unknown", null),
            ("intent mix", (_, label) => label < 0 ? "unclustered" : "cluster " + label, null),
        };
        foreach (var (name, of, golden) in dimensions)
        {
            var now = Histogram(current.Select((q, i) => of(q, currentLabels[i])));
            if (previous.Count >= MinPrevious)
            {
                var before = Histogram(previous.Select((q, i) => of(q, previousLabels[i])));
                if (now.Count > 1 || before.Count > 1 || !now.Keys.SequenceEqual(before.Keys))
                    shifts.Add(Shift(name, "previous", now, before, options.PsiPrevious));
            }
            if (golden is not null && cases.Count >= MinGolden)
                shifts.Add(Shift(name, "golden", now, Histogram(cases.Select(golden)), options.PsiGolden));
        }
        return shifts;
    }

    private static DimensionShift Shift(string name, string against, Dictionary<string, int> current, Dictionary<string, int> reference, double threshold)
    {
        double n = current.Values.Sum(), m = reference.Values.Sum();
        var bins = current.Keys.Union(reference.Keys).OrderBy(Order).ThenBy(k => k, StringComparer.Ordinal)
            .Select(k => new ShareBin(k, Math.Round(current.GetValueOrDefault(k) / n, 4), Math.Round(reference.GetValueOrDefault(k) / m, 4))).ToList();
        return new DimensionShift(name, against, Math.Round(PopulationStability.Index(current, reference), 4), threshold, bins);
    }

    /// <summary>Length bins in their natural order; other dimensions alphabetically.</summary>
    private static int Order(string bin) => Array.IndexOf(LengthBins, bin) is var i and >= 0 ? i : int.MaxValue;

    private static readonly string[] LengthBins = ["1-5", "6-10", "11-20", "21-40", "41-80", "81+"];

    internal static string LengthBin(string text)
    {
        var words = text.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Length;
        return words switch { <= 5 => "1-5", <= 10 => "6-10", <= 20 => "11-20", <= 40 => "21-40", <= 80 => "41-80", _ => "81+" };
    }

    /// <summary>Detected from the text like production's (a <c>locale:de-DE</c> tag often marks an English question about Germany).</summary>
    private static string GoldenLanguage(GoldenCase c) => LanguageDetector.Detect(DriftJob.GoldenText(c));

    private static string LocaleLanguage(string? locale) =>
        string.IsNullOrWhiteSpace(locale) ? "none" : locale.Split('-', '_', ',', ';')[0].Trim().ToLowerInvariant();

    private static Dictionary<string, int> Histogram(IEnumerable<string> values)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var v in values) counts[v] = counts.GetValueOrDefault(v) + 1;
        return counts;
    }
}
