namespace AgentOps.Evals.Harvesting.Shadowing;

/// <summary>
/// Picks n items so that every stratum (a slice such as tier:enterprise) keeps at least one item when n allows, and the
/// rest are shared in proportion to the strata's sizes (largest remainder). A plain random sample of 20 from a batch
/// where enterprise is 3% would usually hold no enterprise session at all. Seeded: the same batch gives the same sample.
/// </summary>
internal static class StratifiedSample
{
    public static IReadOnlyList<T> Select<T>(IReadOnlyList<T> items, Func<T, string> stratumOf, int n, int seed)
    {
        if (n >= items.Count) return items;
        var random = new Random(seed);
        var strata = items.GroupBy(stratumOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Items: g.OrderBy(_ => random.Next()).ToList())).ToList();
        var take = new int[strata.Count];
        // One each for as many strata as n allows, smallest strata first: they are the ones a proportional share would drop.
        foreach (var i in Enumerable.Range(0, strata.Count).OrderBy(i => strata[i].Items.Count).ThenBy(i => strata[i].Key, StringComparer.Ordinal).Take(n))
            take[i] = 1;
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
