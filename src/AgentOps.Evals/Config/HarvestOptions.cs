namespace AgentOps.Evals.Config;

/// <summary>Where the nightly harvest reads traces and feedback, and where it writes cases.</summary>
public sealed record HarvestOptions
{
    public IReadOnlyList<string> Feedback { get; init; } = [];
    public IReadOnlyList<string> Traces { get; init; } = [];
    public string Out { get; init; } = "golden-set/harvested";
    public string MappingStore { get; init; } = ".agentops/mapping.db";
    public string KeyEnv { get; init; } = "AGENTOPS_HMAC_KEY";
    public int Limit { get; init; } = 50;
    /// <summary>Flag thresholds, by name (e.g. <c>tool-error-streak: 2</c>, <c>cost-percentile: 95</c>).</summary>
    public IReadOnlyDictionary<string, double> Thresholds { get; init; } = new Dictionary<string, double>();
}
