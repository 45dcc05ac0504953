namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>
/// Each query's nearest golden case and its cosine similarity: whether a case covers the query is decided per query,
/// against the calibrated cover similarity, not by which cluster the query happened to land in. Cost: queries × the
/// non-zeros of the golden vectors, with one dense scratch vector (no golden set held dense). Pure.
/// </summary>
internal static class GoldenCoverage
{
    /// <summary>(case index, similarity) per query; (−1, 0) when there is no case.</summary>
    public static (int Case, double Similarity)[] Nearest(IReadOnlyList<SparseVector> queries, IReadOnlyList<SparseVector> golden, int dimensions)
    {
        var nearest = new (int, double)[queries.Count];
        var scratch = new float[dimensions];
        for (var q = 0; q < queries.Count; q++)
        {
            var query = queries[q];
            query.AddTo(scratch);
            var (best, similarity) = (-1, 0.0);
            for (var c = 0; c < golden.Count; c++)
            {
                var s = golden[c].Dot(scratch);
                if (s > similarity) (best, similarity) = (c, s);
            }
            nearest[q] = (best, similarity);
            for (var i = 0; i < query.Indices.Length; i++) scratch[query.Indices[i]] = 0;
        }
        return nearest;
    }
}
