using System.Buffers;

namespace AgentOps.Evals.Evaluation.Similarity;

/// <summary>Levenshtein edit distance (insert, delete, substitute; each costs 1) over UTF-16 characters.</summary>
internal static class Levenshtein
{
    /// <summary>The minimum number of single-character edits turning <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        var x = a.AsSpan();
        var y = b.AsSpan();
        // A shared prefix or suffix never changes the distance; trimming it keeps near-identical outputs cheap.
        var prefix = x.CommonPrefixLength(y);
        x = x[prefix..];
        y = y[prefix..];
        var suffix = 0;
        while (suffix < x.Length && suffix < y.Length && x[x.Length - 1 - suffix] == y[y.Length - 1 - suffix])
            suffix++;
        x = x[..^suffix];
        y = y[..^suffix];
        if (x.Length < y.Length)
        {
            var t = x;
            x = y;
            y = t;
        }
        if (y.Length == 0)
            return x.Length;

        // One row of the DP table, sized by the shorter string.
        var rented = ArrayPool<int>.Shared.Rent(y.Length + 1);
        try
        {
            var row = rented.AsSpan(0, y.Length + 1);
            for (var j = 0; j < row.Length; j++)
                row[j] = j;
            for (var i = 1; i <= x.Length; i++)
            {
                var diagonal = row[0];
                row[0] = i;
                for (var j = 1; j <= y.Length; j++)
                {
                    var above = row[j];
                    var substitute = diagonal + (x[i - 1] == y[j - 1] ? 0 : 1);
                    row[j] = Math.Min(substitute, Math.Min(above, row[j - 1]) + 1);
                    diagonal = above;
                }
            }
            return row[y.Length];
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>1 − distance / max(length): 1 for equal strings (two empty strings included), 0 for nothing in common.</summary>
    public static double Similarity(string expected, string actual)
    {
        var longest = Math.Max(expected.Length, actual.Length);
        return longest == 0 ? 1.0 : 1.0 - (double)Distance(expected, actual) / longest;
    }
}
