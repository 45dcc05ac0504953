namespace AgentOps.Evals.Statistics;

/// <summary>Edit distance for output agreement. Kept here, apart from the similarity evaluators, so the gate's figures never change when an evaluator does.</summary>
internal static class Levenshtein
{
    public static int Distance(string a, string b)
    {
        if (a.Length < b.Length) (a, b) = (b, a);
        if (b.Length == 0) return a.Length;

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

    /// <summary>1 − distance ÷ the longer length: 1 for equal strings, 0 for nothing in common.</summary>
    public static double Similarity(string a, string b)
    {
        var longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1 : 1 - (double)Distance(a, b) / longer;
    }
}
