namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>What one drift run found: the clusters, the shifts, the cases sampled into the queue, and whether anything crossed a threshold.</summary>
public sealed record DriftReport
{
    public string RunId { get; init; } = "";
    public DateTimeOffset At { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public DateTimeOffset? PreviousSince { get; init; }

    /// <summary>local (hashed TF-IDF) or the embeddings model id.</summary>
    public string Vectors { get; init; } = "local";

    public int Queries { get; init; }
    public int PreviousQueries { get; init; }

    /// <summary>Share of all traces the bottom-k sample kept (1 when the batch fit); every figure is estimated from the sample.</summary>
    public double SampledFraction { get; init; } = 1;

    public int ActiveCases { get; init; }
    public IReadOnlyList<DriftCluster> Clusters { get; init; } = [];

    /// <summary>Share of this window's traffic in no cluster (too rare to form one).</summary>
    public double UnclusteredShare { get; init; }

    /// <summary>Share of this window's traffic in clusters with no active case: the coverage figure <c>health</c> reads.</summary>
    public double NoCaseShare { get; init; }

    public IReadOnlyList<DimensionShift> Shifts { get; init; } = [];
    public IReadOnlyList<string> CasesWritten { get; init; } = [];
    public IReadOnlyList<string> CasesAlreadyPresent { get; init; } = [];
    public IReadOnlyList<SkippedLine> Skipped { get; init; } = [];

    /// <summary>Each threshold crossed, in words; empty when nothing drifted.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    public bool Drifted => Findings.Count > 0;

    /// <summary>This window's queries by trace id → cluster id (−1 unclustered): for scoring the clustering (bench/drift), not reported.</summary>
    internal IReadOnlyDictionary<string, int> TraceClusters { get; init; } = new Dictionary<string, int>();
}
