namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>A 64-bit hash that is the same on every machine and run (string.GetHashCode is randomized per process).</summary>
internal static class StableHash
{
    public static ulong Of(ReadOnlySpan<char> text, ulong seed = 0)
    {
        var hash = 14695981039346656037UL ^ seed;
        foreach (var ch in text) hash = (hash ^ ch) * 1099511628211UL;
        // FNV alone mixes its high bits poorly; a splitmix finalizer spreads them so a bottom-k sample is uniform.
        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }
}
