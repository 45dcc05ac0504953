namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>
/// Cluster labels for the golden inputs followed by the queries. The golden cases cluster among themselves; a query
/// whose nearest case is at least the cover similarity away joins that case's cluster (it is covered); the other
/// queries cluster among themselves, then their clusters merge at a lower similarity (paraphrases of one new intent
/// share fewer words than the join threshold asks). So a covered paraphrase never opens an "uncovered" cluster just
/// because its words differ from its neighbours', and a new intent is never hidden inside a covered cluster because it
/// shares a word or two with one. Uncovered labels follow the golden ones; −1 is unclustered (too rare).
/// </summary>
internal static class CoverageClustering
{
    public static int[] Label(IReadOnlyList<SparseVector> vectors, int goldenCount, IReadOnlyList<(int Case, double Similarity)> nearest,
        IQueryVectorizer space, int minSize, double uncoveredMergeFactor)
    {
        var labels = new int[vectors.Count];
        var golden = vectors.Take(goldenCount).ToList();
        // Every case keeps a cluster (minimum size 1): a lone case is still coverage.
        var goldenLabels = golden.Count == 0 ? [] : IntentClustering.Cluster(golden, space.Dimensions, space.JoinSimilarity, minSize: 1);
        Array.Copy(goldenLabels, labels, goldenCount);
        var covered = goldenLabels.DefaultIfEmpty(-1).Max() + 1;
        var open = new List<int>();
        for (var q = 0; q < nearest.Count; q++)
        {
            var (index, similarity) = nearest[q];
            if (index >= 0 && similarity >= space.CoverSimilarity) labels[goldenCount + q] = goldenLabels[index];
            else open.Add(goldenCount + q);
        }
        if (open.Count == 0) return labels;
        var points = open.Select(i => vectors[i]).ToList();
        var openLabels = IntentClustering.Cluster(points, space.Dimensions, space.JoinSimilarity, minSize);
        openLabels = IntentClustering.MergeUncovered(points, openLabels, new bool[points.Count], space.JoinSimilarity * uncoveredMergeFactor, space.Dimensions);
        for (var k = 0; k < open.Count; k++) labels[open[k]] = openLabels[k] < 0 ? -1 : covered + openLabels[k];
        return labels;
    }
}
