namespace AgentOps.Evals.Config;

/// <summary>Where the nightly harvest reads traces and feedback, and where it writes cases.</summary>
public sealed record HarvestOptions
{
    /// <summary>Feedback JSON-lines files or globs (<c>harvest.feedback</c>).</summary>
    public IReadOnlyList<string> Feedback { get; init; } = [];
    /// <summary>OTLP JSON trace/log files or globs (<c>harvest.traces</c>).</summary>
    public IReadOnlyList<string> Traces { get; init; } = [];
    /// <summary>The folder harvested cases and the triage queue go to (<c>harvest.out</c>).</summary>
    public string Out { get; init; } = "golden-set/harvested";
    /// <summary>The pseudonym → original store; must stay out of the golden set and the tracked tree (<c>harvest.mapping-store</c>).</summary>
    public string MappingStore { get; init; } = ".agentops/mapping.db";
    /// <summary>The environment variable holding the base64 harvest key (<c>harvest.key-env</c>).</summary>
    public string KeyEnv { get; init; } = "AGENTOPS_HMAC_KEY";
    /// <summary>At most this many cases per harvest, highest ranked first (<c>harvest.limit</c>).</summary>
    public int Limit { get; init; } = 50;
    /// <summary>Flag thresholds, by name (e.g. <c>tool-error-streak: 2</c>, <c>cost-percentile: 95</c>).</summary>
    public IReadOnlyDictionary<string, double> Thresholds { get; init; } = new Dictionary<string, double>();
}
