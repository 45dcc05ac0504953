namespace AgentOps.Evals.Config;

/// <summary>The <c>drift:</c> section: the coverage rule, the shift thresholds, sampling and (optionally) embeddings.</summary>
public sealed record DriftOptions
{
    /// <summary>A cluster with more than this share of traffic…</summary>
    public double MinTrafficShare { get; init; } = 0.05;

    /// <summary>…and less than this share of active cases is flagged.</summary>
    public double MaxCaseShare { get; init; } = 0.02;

    /// <summary>At most this many queries of each flagged cluster go to the annotation queue.</summary>
    public int Sample { get; init; } = 50;

    /// <summary>Population stability index above which a dimension has shifted against the previous window.</summary>
    public double PsiPrevious { get; init; } = 0.25;

    /// <summary>Population stability index above which a dimension differs from the golden set.</summary>
    public double PsiGolden { get; init; } = 0.5;

    /// <summary>A cluster's thumbs-down rate rising by more than this (absolute) against the previous window is a shift.</summary>
    public double MaxThumbsDownRise { get; init; } = 0.10;

    /// <summary>Queries kept for clustering (a deterministic hash sample beyond this); every figure is estimated from them.</summary>
    public int MaxQueries { get; init; } = 20_000;

    /// <summary>Cosine similarity a query needs to join an existing cluster (the local vectors); below it a new cluster starts.</summary>
    public double JoinSimilarity { get; init; } = 0.30;

    /// <summary>Embeddings instead of the local vectors: a provider name (OpenAI-compatible) and a model; null = local.</summary>
    public EmbeddingsOptions? Embeddings { get; init; }
}

/// <summary>Embeddings for drift clustering: an OpenAI-compatible provider, a model, and the cassette they are recorded to.</summary>
public sealed record EmbeddingsOptions(string Provider, string Model, string Cassette = "fixtures/cassettes/embeddings.jsonl", double JoinSimilarity = 0.75);
