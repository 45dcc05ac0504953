namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>
/// Population stability index between two distributions over the same bins: Σ (p − q) · ln(p / q). Counts are
/// smoothed by half an observation per bin so an empty bin is a large finite term, not infinity. Rules of thumb:
/// &lt; 0.1 stable, 0.1–0.25 moderate, &gt; 0.25 a major shift. Pure.
/// </summary>
internal static class PopulationStability
{
    public static double Index(IReadOnlyDictionary<string, int> current, IReadOnlyDictionary<string, int> reference)
    {
        var bins = current.Keys.Union(reference.Keys).ToList();
        if (bins.Count == 0) return 0;
        double n = current.Values.Sum(), m = reference.Values.Sum();
        if (n == 0 || m == 0) return 0;
        var psi = 0.0;
        foreach (var bin in bins)
        {
            var p = (current.GetValueOrDefault(bin) + 0.5) / (n + 0.5 * bins.Count);
            var q = (reference.GetValueOrDefault(bin) + 0.5) / (m + 0.5 * bins.Count);
            psi += (p - q) * Math.Log(p / q);
        }
        return psi;
    }
}
