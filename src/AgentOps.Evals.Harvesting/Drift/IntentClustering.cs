namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>
/// Clusters unit vectors without a k up front. A leader pass opens a new cluster whenever a point's best cosine
/// similarity to the existing centroids is below the join threshold; spherical k-means passes then reassign every point
/// to its nearest centroid until nothing moves; clusters whose centroids are closer than the threshold merge; clusters
/// smaller than the minimum size dissolve into their nearest neighbour (or, with none near enough, into "unclustered",
/// label −1). Cost per pass: points × clusters × non-zeros per point. Deterministic: the result depends only on the
/// points and their order.
/// </summary>
internal static class IntentClustering
{
    private const int MaxIterations = 8;

    public static int[] Cluster(IReadOnlyList<SparseVector> points, int dimensions, double join, int minSize, int maxClusters = 300)
    {
        var labels = new int[points.Count];
        var sums = new List<float[]>();
        var squaredNorms = new List<double>();
        // Leader pass on running sums: cos(x, s) = x·s / |s|, and |s + x|² = |s|² + 2 x·s + 1 for unit x, so no
        // centroid is ever renormalized here.
        for (var i = 0; i < points.Count; i++)
        {
            var (best, similarity, dot) = (-1, double.NegativeInfinity, 0.0);
            for (var c = 0; c < sums.Count; c++)
            {
                var d = points[i].Dot(sums[c]);
                var s = d / Math.Sqrt(squaredNorms[c]);
                if (s > similarity) (best, similarity, dot) = (c, s, d);
            }
            if (best < 0 || (similarity < join && sums.Count < maxClusters))
            {
                sums.Add(new float[dimensions]);
                squaredNorms.Add(0);
                (best, dot) = (sums.Count - 1, 0);
            }
            labels[i] = best;
            points[i].AddTo(sums[best]);
            squaredNorms[best] += 2 * dot + 1;
        }
        var centroids = Refine(points, labels, sums.Count, dimensions);
        centroids = Merge(points, labels, centroids, join, dimensions);
        Dissolve(points, labels, centroids, minSize, join / 2, dimensions);
        return Relabel(labels);
    }

    /// <summary>
    /// Second level for coverage: clusters holding no anchored point (no golden case) merge with each other, closest
    /// centroids first, while their similarity is at least <paramref name="threshold"/>. Paraphrases of one new intent
    /// share fewer words than the join threshold asks (and a language switch shares fewer still), yet are one gap in
    /// coverage; clusters with a case never merge here, so a new intent is never hidden inside a covered one.
    /// </summary>
    public static int[] MergeUncovered(IReadOnlyList<SparseVector> points, int[] labels, bool[] anchored, double threshold, int dimensions)
    {
        var count = labels.DefaultIfEmpty(-1).Max() + 1;
        var covered = labels.Where((l, i) => l >= 0 && anchored[i]).ToHashSet();
        var open = Enumerable.Range(0, count).Where(c => !covered.Contains(c) && labels.Contains(c)).ToList();
        if (open.Count < 2) return labels;
        var centroids = Centroids(points, labels, count, dimensions);
        var sizes = labels.Where(l => l >= 0).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var merged = labels.ToArray();
        while (true)
        {
            var (a, b, best) = (-1, -1, threshold);
            for (var x = 0; x < open.Count; x++)
                for (var y = x + 1; y < open.Count; y++)
                {
                    var similarity = Dot(centroids[open[x]], centroids[open[y]], NonZero(centroids[open[x]]), NonZero(centroids[open[y]]));
                    if (similarity >= best) (a, b, best) = (open[x], open[y], similarity);
                }
            if (a < 0) break;
            // Size-weighted mean of the two unit centroids, renormalized: average linkage on centroids.
            var sum = new float[dimensions];
            for (var d = 0; d < dimensions; d++) sum[d] = centroids[a][d] * sizes[a] + centroids[b][d] * sizes[b];
            Normalize(sum, centroids[a]);
            sizes[a] += sizes[b];
            for (var i = 0; i < merged.Length; i++) if (merged[i] == b) merged[i] = a;
            open.Remove(b);
        }
        return Relabel(merged);
    }

    /// <summary>Centroids (unit length) of the labelled points; label −1 is ignored.</summary>
    public static List<float[]> Centroids(IReadOnlyList<SparseVector> points, int[] labels, int count, int dimensions)
    {
        var centroids = Enumerable.Range(0, count).Select(_ => new float[dimensions]).ToList();
        for (var i = 0; i < points.Count; i++)
            if (labels[i] >= 0) points[i].AddTo(centroids[labels[i]]);
        foreach (var c in centroids) Normalize(c, c);
        return centroids;
    }

    private static List<float[]> Refine(IReadOnlyList<SparseVector> points, int[] labels, int count, int dimensions)
    {
        var centroids = Centroids(points, labels, count, dimensions);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var moved = 0;
            for (var i = 0; i < points.Count; i++)
            {
                var (best, _) = Nearest(points[i], centroids);
                if (best != labels[i]) { labels[i] = best; moved++; }
            }
            centroids = Centroids(points, labels, count, dimensions);
            if (moved == 0) break;
        }
        return centroids;
    }

    /// <summary>Merges the closest pair of centroids while it is above the threshold, then reassigns once more.</summary>
    private static List<float[]> Merge(IReadOnlyList<SparseVector> points, int[] labels, List<float[]> centroids, double join, int dimensions)
    {
        var used = labels.Where(l => l >= 0).ToHashSet();
        var alive = Enumerable.Range(0, centroids.Count).Where(used.Contains).ToList();
        var nonZero = centroids.Select(NonZero).ToList();
        // The pair similarities once; after a merge only the merged centroid's row changes.
        var similarity = new Dictionary<(int, int), double>();
        foreach (var x in alive)
            foreach (var y in alive.Where(y => y > x)) similarity[(x, y)] = Dot(centroids[x], centroids[y], nonZero[x], nonZero[y]);
        var merged = false;
        while (true)
        {
            var (a, b, best) = (-1, -1, join);
            foreach (var ((x, y), s) in similarity)
                if (s > best || (s == best && a >= 0 && (x, y).CompareTo((a, b)) < 0)) (a, b, best) = (x, y, s);
            if (a < 0) break;
            for (var i = 0; i < labels.Length; i++) if (labels[i] == b) labels[i] = a;
            alive.Remove(b);
            var sum = new float[dimensions];
            for (var i = 0; i < points.Count; i++) if (labels[i] == a) points[i].AddTo(sum);
            Normalize(sum, centroids[a]);
            nonZero[a] = NonZero(centroids[a]);
            foreach (var key in similarity.Keys.Where(k => k.Item1 == b || k.Item2 == b || k.Item1 == a || k.Item2 == a).ToList()) similarity.Remove(key);
            foreach (var other in alive.Where(o => o != a))
                similarity[(Math.Min(a, other), Math.Max(a, other))] = Dot(centroids[a], centroids[other], nonZero[a], nonZero[other]);
            merged = true;
        }
        return merged ? Refine(points, labels, centroids.Count, dimensions) : centroids;
    }

    private static int[] NonZero(float[] centroid)
    {
        var indices = new List<int>();
        for (var i = 0; i < centroid.Length; i++) if (centroid[i] != 0) indices.Add(i);
        return [.. indices];
    }

    private static double Dot(float[] a, float[] b, int[] aNonZero, int[] bNonZero)
    {
        var (dense, indices) = aNonZero.Length <= bNonZero.Length ? (b, aNonZero) : (a, bNonZero);
        var other = ReferenceEquals(dense, b) ? a : b;
        var sum = 0.0;
        foreach (var i in indices) sum += other[i] * dense[i];
        return sum;
    }

    private static void Dissolve(IReadOnlyList<SparseVector> points, int[] labels, List<float[]> centroids, int minSize, double floor, int dimensions)
    {
        var sizes = labels.Where(l => l >= 0).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var kept = sizes.Where(s => s.Value >= minSize).Select(s => s.Key).Order().ToList();
        var small = sizes.Where(s => s.Value < minSize).Select(s => s.Key).ToHashSet();
        if (small.Count == 0) return;
        var keptCentroids = kept.Select(k => centroids[k]).ToList();
        for (var i = 0; i < labels.Length; i++)
        {
            if (!small.Contains(labels[i])) continue;
            var (best, similarity) = Nearest(points[i], keptCentroids);
            labels[i] = best >= 0 && similarity >= floor ? kept[best] : -1;
        }
    }

    private static (int Index, double Similarity) Nearest(SparseVector point, List<float[]> centroids)
    {
        var (best, similarity) = (-1, double.NegativeInfinity);
        for (var c = 0; c < centroids.Count; c++)
        {
            var s = point.Dot(centroids[c]);
            if (s > similarity) (best, similarity) = (c, s);
        }
        return (best, similarity);
    }

    private static void Normalize(float[] sum, float[] into)
    {
        var norm = 0.0;
        foreach (var v in sum) norm += v * v;
        norm = Math.Sqrt(norm);
        for (var i = 0; i < sum.Length; i++) into[i] = norm > 0 ? (float)(sum[i] / norm) : 0f;
    }

    /// <summary>Labels 0..n−1 in order of first appearance, so the numbering is stable too.</summary>
    private static int[] Relabel(int[] labels)
    {
        var map = new Dictionary<int, int>();
        return labels.Select(l => l < 0 ? -1 : map.TryGetValue(l, out var m) ? m : map[l] = map.Count).ToArray();
    }
}
