using System.Buffers;

namespace AgentOps.Evals.Evaluation.Similarity;

/// <summary>
/// ROUGE-L (Lin, 2004): the longest common subsequence of lowercase word tokens, as an F-measure with β = 1:
/// R = LCS/|reference|, P = LCS/|candidate|, F = 2PR/(P+R).
/// </summary>
internal static class RougeL
{
    public static double Score(string reference, string candidate) => Score(WordTokens.Of(reference), WordTokens.Of(candidate));

    public static double Score(IReadOnlyList<string> reference, IReadOnlyList<string> candidate)
    {
        if (reference.Count == 0 || candidate.Count == 0)
            return reference.Count == candidate.Count ? 1.0 : 0.0;
        var lcs = LongestCommonSubsequence(reference, candidate);
        if (lcs == 0)
            return 0.0;
        var recall = (double)lcs / reference.Count;
        var precision = (double)lcs / candidate.Count;
        return 2 * precision * recall / (precision + recall);
    }

    public static int LongestCommonSubsequence(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var rented = ArrayPool<int>.Shared.Rent(b.Count + 1);
        try
        {
            var row = rented.AsSpan(0, b.Count + 1);
            row.Clear();
            for (var i = 1; i <= a.Count; i++)
            {
                var diagonal = 0;
                for (var j = 1; j <= b.Count; j++)
                {
                    var above = row[j];
                    row[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal)
                        ? diagonal + 1
                        : Math.Max(above, row[j - 1]);
                    diagonal = above;
                }
            }
            return row[b.Count];
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }
}
