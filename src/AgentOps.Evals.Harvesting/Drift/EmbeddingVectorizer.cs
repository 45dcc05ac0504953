using System.ClientModel;
using System.ClientModel.Primitives;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>
/// Query vectors from Microsoft.Extensions.AI's <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (an
/// OpenAI-compatible embeddings endpoint), through an <see cref="EmbeddingCassette"/> so runs replay offline.
/// Embedding spaces have no words, so clusters are described by their examples, not by top terms.
/// </summary>
internal sealed class EmbeddingVectorizer(IEmbeddingGenerator<string, Embedding<float>> generator, string model, double joinSimilarity) : IQueryVectorizer
{
    private const int Batch = 64;

    public int Dimensions { get; private set; }

    public double JoinSimilarity => joinSimilarity;

    public async Task<IReadOnlyList<SparseVector>> VectorizeAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        var vectors = new List<SparseVector>(texts.Count);
        for (var start = 0; start < texts.Count; start += Batch)
        {
            var embeddings = await generator.GenerateAsync(texts.Skip(start).Take(Batch), cancellationToken: ct).ConfigureAwait(false);
            foreach (var e in embeddings)
            {
                if (Dimensions == 0) Dimensions = e.Vector.Length;
                else if (e.Vector.Length != Dimensions)
                    throw new InputException("drift.embeddings", "model", $"embeddings of {e.Vector.Length} and {Dimensions} dimensions in one run; expected one model");
                vectors.Add(SparseVector.Dense(e.Vector.Span));
            }
        }
        return vectors;
    }

    public IReadOnlyList<string> TopTerms(float[] centroid, int count) => [];

    public override string ToString() => "embeddings:" + model;

    /// <summary>The configured embeddings (drift.embeddings), or null for the local default.</summary>
    public static EmbeddingVectorizer? From(EvalConfig config, bool record)
    {
        if (config.Drift.Embeddings is not { } options) return null;
        var provider = config.Providers[options.Provider];
        var live = provider.Type == "openai" && record ? OpenAi(provider, config, options.Model) : null;
        var cassette = new EmbeddingCassette(config.Resolve(options.Cassette), options.Model, live);
        return new EmbeddingVectorizer(cassette, options.Model, options.JoinSimilarity);
    }

    private static IEmbeddingGenerator<string, Embedding<float>> OpenAi(ProviderConfig provider, EvalConfig config, string model)
    {
        if (!Uri.TryCreate(provider.Endpoint, UriKind.Absolute, out var endpoint))
            throw new InputException(config.SourceFile, $"providers.{provider.Name}.endpoint", $"'{provider.Endpoint}' is not an absolute URL; expected e.g. https://api.openai.com/v1");
        var key = provider.ApiKeyEnv is { } variable ? Environment.GetEnvironmentVariable(variable) : "not-needed";
        if (string.IsNullOrEmpty(key))
            throw new InputException(config.SourceFile, $"providers.{provider.Name}.api-key-env", $"environment variable {provider.ApiKeyEnv} is not set; set it to record embeddings");
        var options = new OpenAIClientOptions { Endpoint = endpoint, RetryPolicy = new ClientRetryPolicy(3) };
        return new OpenAI.Embeddings.EmbeddingClient(model, new ApiKeyCredential(key), options).AsIEmbeddingGenerator();
    }
}
