namespace AgentOps.Evals.Cases;

/// <summary>The "did you mean" of unknown names: the closest known name within a small edit distance.</summary>
internal static class NameSuggestion
{
    public const int MaxDistance = 2;

    /// <summary>The known name closest to <paramref name="name"/>, if one is within <see cref="MaxDistance"/> edits.</summary>
    public static string? Closest(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = MaxDistance + 1;
        foreach (var candidate in known.Order(StringComparer.Ordinal))
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>"did you mean `x`?" or the list of what is expected.</summary>
    public static string Hint(string name, IReadOnlyCollection<string> known) =>
        Closest(name, known) is { } match
            ? $"did you mean `{match}`?"
            : known.Count == 0 ? "none are defined" : "expected one of: " + string.Join(", ", known.Order(StringComparer.Ordinal));

    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
