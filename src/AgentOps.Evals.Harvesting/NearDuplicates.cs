namespace AgentOps.Evals.Harvesting;

/// <summary>
/// Collapses duplicate candidates: identical normalized input first, then near-duplicates by MinHash over word
/// 3-shingles (estimated Jaccard ≥ <see cref="Threshold"/>), with LSH banding so a large batch is not compared pairwise.
/// The first candidate of a group (in the given order) keeps the others as its duplicates.
/// </summary>
internal static class NearDuplicates
{
    public const double Threshold = 0.8;
    private const int Hashes = 64;
    private const int Bands = 16;

    public static IReadOnlyList<HarvestCandidate> Collapse(IReadOnlyList<HarvestCandidate> candidates)
    {
        var kept = new List<HarvestCandidate>();
        var exact = new Dictionary<string, HarvestCandidate>(StringComparer.Ordinal);
        var signatures = new List<ulong[]>();
        var buckets = new Dictionary<(int Band, ulong Hash), List<int>>();
        foreach (var candidate in candidates)
        {
            var normalized = candidate.NormalizedInput;
            if (exact.TryGetValue(normalized, out var same)) { same.Duplicates.Add(candidate); continue; }
            var signature = Signature(normalized);
            HarvestCandidate? near = null;
            for (var band = 0; band < Bands && near is null; band++)
            {
                if (!buckets.TryGetValue((band, BandHash(signature, band)), out var members)) continue;
                foreach (var index in members)
                {
                    if (Similarity(signature, signatures[index]) >= Threshold) { near = kept[index]; break; }
                }
            }
            if (near is not null) { near.Duplicates.Add(candidate); continue; }
            exact[normalized] = candidate;
            kept.Add(candidate);
            signatures.Add(signature);
            for (var band = 0; band < Bands; band++)
            {
                var key = (band, BandHash(signature, band));
                if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
                list.Add(kept.Count - 1);
            }
        }
        return kept;
    }

    internal static ulong[] Signature(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var signature = Enumerable.Repeat(ulong.MaxValue, Hashes).ToArray();
        var count = Math.Max(1, words.Length - 2);
        for (var i = 0; i < count; i++)
        {
            var shingle = string.Join(' ', words.Skip(i).Take(3));
            var hash = Fnv1a(shingle);
            for (var k = 0; k < Hashes; k++)
            {
                // Independent hash functions from one 64-bit hash: multiply-xorshift with per-function odd constants.
                var h = (hash ^ (ulong)(k + 1) * 0x9E3779B97F4A7C15UL) * 0xBF58476D1CE4E5B9UL;
                h ^= h >> 31;
                if (h < signature[k]) signature[k] = h;
            }
        }
        return signature;
    }

    internal static double Similarity(ulong[] a, ulong[] b)
    {
        var same = 0;
        for (var i = 0; i < a.Length; i++) if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in text) hash = (hash ^ ch) * 1099511628211UL;
        return hash;
    }

    private static ulong BandHash(ulong[] signature, int band)
    {
        var rows = Hashes / Bands;
        ulong hash = 14695981039346656037UL;
        for (var i = band * rows; i < (band + 1) * rows; i++) hash = (hash ^ signature[i]) * 1099511628211UL;
        return hash;
    }
}
