namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>One intent cluster: its share of this window's traffic and of the active golden cases, and why it is (not) flagged.</summary>
public sealed record DriftCluster
{
    public int Id { get; init; }
    public int Queries { get; init; }
    public double TrafficShare { get; init; }
    public double? PreviousTrafficShare { get; init; }
    public int Cases { get; init; }
    public double CaseShare { get; init; }

    /// <summary>Traffic share not covered: the traffic share when the cluster is below the case-share bar, else 0.</summary>
    public double UncoveredShare { get; init; }

    public IReadOnlyList<string> TopTerms { get; init; } = [];
    public IReadOnlyList<string> CaseIds { get; init; } = [];

    /// <summary>A few queries, anonymized by the harvester's anonymizer.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>Detected languages of its queries, most common first, with their share.</summary>
    public IReadOnlyDictionary<string, double> Languages { get; init; } = new Dictionary<string, double>();

    public double ThumbsDownRate { get; init; }
    public double? PreviousThumbsDownRate { get; init; }
    public bool ThumbsDownRise { get; init; }

    /// <summary>Above drift.min-traffic-share of traffic and below drift.max-case-share of cases.</summary>
    public bool Flagged { get; init; }
}
