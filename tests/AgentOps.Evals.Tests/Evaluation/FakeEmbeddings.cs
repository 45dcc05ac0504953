using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.Evaluation;

/// <summary>An embedding generator with fixed vectors per text; throws for text it does not know.</summary>
internal sealed class FakeEmbeddings(IReadOnlyDictionary<string, float[]> vectors) : IEmbeddingGenerator<string, Embedding<float>>
{
    public int Calls { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            if (!vectors.TryGetValue(value, out var vector))
                throw new HttpRequestException("503 Service Unavailable");
            result.Add(new Embedding<float>(vector));
        }
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}
