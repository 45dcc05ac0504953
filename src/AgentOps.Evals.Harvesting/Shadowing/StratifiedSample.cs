namespace AgentOps.Evals.Harvesting.Shadowing;

/// <summary>
/// Picks n items so that small groups are not lost. Each item carries one value per slice attribute (tier:enterprise,
/// locale:fr). First every attribute value is covered once when n allows, smallest groups first (one pick covers a value
/// of every attribute, so picks go where they cover most); then every joint stratum (tier:pro,locale:fr) keeps one item,
/// smallest first; the rest is shared in proportion to the strata's sizes (largest remainder). A plain random sample of
/// 20 from a batch where enterprise is 3% or French 5% would often hold none. Seeded: the same batch gives the same sample.
/// </summary>
internal static class StratifiedSample
{
    /// <summary>The picked items grouped by stratum; all of <paramref name="items"/> when there are no more than <paramref name="n"/>.</summary>
    /// <param name="items">The population to sample from.</param>
    /// <param name="valuesOf">The item's values, one per slice attribute, e.g. [tier:pro, locale:fr]; their join is its joint stratum.</param>
    /// <param name="n">How many items to pick.</param>
    /// <param name="seed">Seed of the draw inside each stratum.</param>
    public static IReadOnlyList<T> Select<T>(IReadOnlyList<T> items, Func<T, IReadOnlyList<string>> valuesOf, int n, int seed)
    {
        if (n >= items.Count) return items;
        var random = new Random(seed);
        var strata = items.GroupBy(i => string.Join(",", valuesOf(i)), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Values: valuesOf(g.First()), Items: g.OrderBy(_ => random.Next()).ToList())).ToList();
        var take = new int[strata.Count];
        var covered = new HashSet<string>(StringComparer.Ordinal);
        void Take(int i) { take[i]++; covered.UnionWith(strata[i].Values); }

        // 1. Every attribute value once, rarest value first; within it, the stratum that covers the most uncovered values, then the smallest.
        var values = strata.SelectMany(s => s.Values.Select(v => (Value: v, s.Items.Count)))
            .GroupBy(v => v.Value, StringComparer.Ordinal).Select(g => (Value: g.Key, Size: g.Sum(v => v.Count)))
            .OrderBy(v => v.Size).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();
        foreach (var (value, _) in values)
        {
            if (take.Sum() >= n) break;
            if (covered.Contains(value)) continue;
            var best = Enumerable.Range(0, strata.Count).Where(i => strata[i].Values.Contains(value) && take[i] < strata[i].Items.Count)
                .OrderByDescending(i => strata[i].Values.Count(v => !covered.Contains(v))).ThenBy(i => strata[i].Items.Count).ThenBy(i => strata[i].Key, StringComparer.Ordinal)
                .DefaultIfEmpty(-1).First();
            if (best >= 0) Take(best);
        }
        // 2. One for each joint stratum still empty, smallest first: they are the ones a proportional share would drop.
        foreach (var i in Enumerable.Range(0, strata.Count).Where(i => take[i] == 0).OrderBy(i => strata[i].Items.Count).ThenBy(i => strata[i].Key, StringComparer.Ordinal))
        {
            if (take.Sum() >= n) break;
            Take(i);
        }
        // 3. The rest in proportion to what each stratum has left (largest remainder).
        var left = n - take.Sum();
        if (left > 0)
        {
            var room = strata.Select((s, i) => s.Items.Count - take[i]).ToArray();
            var totalRoom = room.Sum();
            var shares = room.Select(r => (double)r * left / totalRoom).ToArray();
            for (var i = 0; i < take.Length; i++) take[i] += (int)Math.Floor(shares[i]);
            var remaining = n - take.Sum();
            foreach (var i in Enumerable.Range(0, take.Length).OrderByDescending(i => shares[i] - Math.Floor(shares[i])).ThenBy(i => i))
            {
                if (remaining == 0) break;
                if (take[i] < strata[i].Items.Count) { take[i]++; remaining--; }
            }
        }
        return strata.SelectMany((s, i) => s.Items.Take(take[i])).ToList();
    }
}
