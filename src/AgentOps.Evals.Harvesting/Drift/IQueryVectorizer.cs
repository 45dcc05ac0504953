namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>Turns query texts into unit vectors for intent clustering: the local TF-IDF default or configured embeddings.</summary>
internal interface IQueryVectorizer
{
    /// <summary>The vectors' dimension (centroids are dense arrays of it).</summary>
    int Dimensions { get; }

    /// <summary>Cosine similarity a query needs to join a cluster; depends on the vector space, so each vectorizer names its own.</summary>
    double JoinSimilarity { get; }

    /// <summary>One unit vector per text, in order. A vectorizer may fit itself to the whole batch (TF-IDF weights).</summary>
    Task<IReadOnlyList<SparseVector>> VectorizeAsync(IReadOnlyList<string> texts, CancellationToken ct);

    /// <summary>Readable terms for a centroid (the heaviest words), or none when the space has no words.</summary>
    IReadOnlyList<string> TopTerms(float[] centroid, int count);
}
