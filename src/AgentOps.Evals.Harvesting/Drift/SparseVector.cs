namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>A unit-length vector as (index, weight) pairs, indices ascending; dense embeddings use every index.</summary>
internal sealed record SparseVector(int[] Indices, float[] Values)
{
    public static SparseVector Dense(ReadOnlySpan<float> values)
    {
        var norm = 0.0;
        foreach (var v in values) norm += v * v;
        norm = Math.Sqrt(norm);
        var indices = new int[values.Length];
        var weights = new float[values.Length];
        for (var i = 0; i < values.Length; i++) { indices[i] = i; weights[i] = norm > 0 ? (float)(values[i] / norm) : 0f; }
        return new SparseVector(indices, weights);
    }

    /// <summary>Dot product with a dense vector (a centroid).</summary>
    public double Dot(float[] dense)
    {
        var sum = 0.0;
        for (var i = 0; i < Indices.Length; i++) sum += Values[i] * dense[Indices[i]];
        return sum;
    }

    public void AddTo(float[] dense, float scale = 1f)
    {
        for (var i = 0; i < Indices.Length; i++) dense[Indices[i]] += scale * Values[i];
    }
}
