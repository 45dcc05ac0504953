namespace AgentOps.Evals.Evaluation.Similarity;

/// <summary>
/// Sentence BLEU (Papineni et al., 2002) against one reference, over lowercase word tokens: the geometric mean of
/// clipped n-gram precisions for n = 1..4 (uniform weights) times the brevity penalty exp(1 − r/c) when c ≤ r.
/// Smoothing: Lin &amp; Och (2004) add-one ("smoothing 2" in Chen &amp; Cherry, 2014) on the n &gt; 1 precisions,
/// (matches + 1) / (total + 1); the unigram precision is unsmoothed, so no word in common scores 0.
/// </summary>
internal static class Bleu
{
    public const int MaxOrder = 4;

    public static double Score(string reference, string candidate) => Score(WordTokens.Of(reference), WordTokens.Of(candidate));

    public static double Score(IReadOnlyList<string> reference, IReadOnlyList<string> candidate)
    {
        if (candidate.Count == 0)
            return reference.Count == 0 ? 1.0 : 0.0;
        var (referenceIds, candidateIds) = Intern(reference, candidate);

        var logSum = 0.0;
        for (var n = 1; n <= MaxOrder; n++)
        {
            var (matches, total) = ModifiedPrecision(referenceIds, candidateIds, n);
            double precision;
            if (n == 1)
            {
                if (matches == 0)
                    return 0.0;
                precision = (double)matches / total;
            }
            else
            {
                precision = (matches + 1.0) / (total + 1.0);
            }
            logSum += Math.Log(precision) / MaxOrder;
        }
        return BrevityPenalty(reference.Count, candidate.Count) * Math.Exp(logSum);
    }

    /// <summary>exp(1 − r/c) when the candidate is not longer than the reference, else 1.</summary>
    public static double BrevityPenalty(int referenceLength, int candidateLength) =>
        candidateLength == 0 ? 0.0
        : candidateLength > referenceLength ? 1.0
        : Math.Exp(1.0 - (double)referenceLength / candidateLength);

    /// <summary>Clipped n-gram matches and the candidate's n-gram count (Papineni et al., 2002, §2.1).</summary>
    public static (int Matches, int Total) ModifiedPrecision(IReadOnlyList<string> reference, IReadOnlyList<string> candidate, int n)
    {
        var (referenceIds, candidateIds) = Intern(reference, candidate);
        return ModifiedPrecision(referenceIds, candidateIds, n);
    }

    private static (int Matches, int Total) ModifiedPrecision(int[] reference, int[] candidate, int n)
    {
        var total = Math.Max(0, candidate.Length - n + 1);
        if (total == 0)
            return (0, 0);
        var available = new Dictionary<(int, int, int, int), int>();
        for (var i = 0; i + n <= reference.Length; i++)
        {
            var key = Gram(reference, i, n);
            available[key] = available.GetValueOrDefault(key) + 1;
        }
        var matches = 0;
        for (var i = 0; i + n <= candidate.Length; i++)
        {
            var key = Gram(candidate, i, n);
            // Each reference n-gram can be matched at most as often as it occurs: clipping.
            if (available.TryGetValue(key, out var left) && left > 0)
            {
                available[key] = left - 1;
                matches++;
            }
        }
        return (matches, total);
    }

    private static (int, int, int, int) Gram(int[] ids, int start, int n) =>
        (ids[start], n > 1 ? ids[start + 1] : -1, n > 2 ? ids[start + 2] : -1, n > 3 ? ids[start + 3] : -1);

    // Tokens become small ints so n-grams are value-tuple keys rather than joined strings.
    private static (int[] Reference, int[] Candidate) Intern(IReadOnlyList<string> reference, IReadOnlyList<string> candidate)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return (ToIds(reference, ids), ToIds(candidate, ids));
    }

    private static int[] ToIds(IReadOnlyList<string> tokens, Dictionary<string, int> ids)
    {
        var result = new int[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!ids.TryGetValue(tokens[i], out var id))
            {
                id = ids.Count;
                ids[tokens[i]] = id;
            }
            result[i] = id;
        }
        return result;
    }
}
