using System.Text.RegularExpressions;

namespace AgentOps.Evals.Gating;

/// <summary>
/// Expands the config's slice specs into named case sets. A spec is a tag (<c>refunds</c>), <c>suite:NAME</c>
/// or <c>severity:P0</c>; <c>*</c> and <c>?</c> are wildcards, and a wildcard spec becomes one slice per
/// matching value (<c>locale:*</c> → <c>locale:de-DE</c>, <c>locale:fr-FR</c>, …), since a slice is only
/// worth gating if a regression in one value cannot hide behind the others.
/// </summary>
internal static class SliceSelector
{
    public static IReadOnlyList<(string Spec, string Name, IReadOnlyList<CaseComparison> Cases)> Expand(
        IReadOnlyList<string> specs, IReadOnlyList<CaseComparison> cases)
    {
        var slices = new List<(string, string, IReadOnlyList<CaseComparison>)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var (dimension, pattern) = Split(spec);
            var regex = Glob(pattern);
            var names = cases
                .SelectMany(c => Values(dimension, c))
                .Where(v => regex.IsMatch(v))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (names.Count == 0 && !HasWildcard(pattern)) names.Add(pattern);
            if (names.Count == 0) slices.Add((spec, Label(dimension, pattern), []));
            foreach (var value in names)
            {
                var label = Label(dimension, value);
                if (!seen.Add(label)) continue;
                slices.Add((spec, label, cases.Where(c => Values(dimension, c).Contains(value, StringComparer.Ordinal)).ToList()));
            }
        }
        return slices;
    }

    private static (string Dimension, string Pattern) Split(string spec)
    {
        foreach (var dimension in new[] { "suite", "severity" })
        {
            if (spec.StartsWith(dimension + ":", StringComparison.OrdinalIgnoreCase)) return (dimension, spec[(dimension.Length + 1)..]);
        }
        return ("tag", spec);
    }

    private static IEnumerable<string> Values(string dimension, CaseComparison c) => dimension switch
    {
        "suite" => [c.Suite],
        "severity" => [c.Severity.ToUpperInvariant()],
        _ => c.Tags,
    };

    private static string Label(string dimension, string value) => dimension == "tag" ? value : $"{dimension}:{value}";

    private static bool HasWildcard(string pattern) => pattern.Contains('*') || pattern.Contains('?');

    // Non-backtracking: matching is linear in the tag, so no timeout is needed (a wall-clock timeout fired
    // on a starved machine, failing a gate for no reason). Cached: a gate expands the same few patterns.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Globs = new(StringComparer.Ordinal);

    private static Regex Glob(string pattern) => Globs.GetOrAdd(pattern, p =>
        new("^" + Regex.Escape(p).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
}
