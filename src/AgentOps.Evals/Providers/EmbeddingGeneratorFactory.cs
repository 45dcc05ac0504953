using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers;

/// <summary>Builds the embedding generator <c>similar</c> uses from <c>embeddings: {model, provider}</c> in config.</summary>
public static class EmbeddingGeneratorFactory
{
    /// <summary>The generator, or null when the config has no <c>embeddings</c> or the graded outputs replay cassettes
    /// (an offline run makes no live call; <c>similar</c> then reports an infrastructure result, never a pass or a fail).</summary>
    public static IEmbeddingGenerator<string, Embedding<float>>? Create(EvalConfig config, string? gradedProvider = null)
    {
        if (config.Embeddings is not { } embeddings)
            return null;
        if (!config.Providers.TryGetValue(embeddings.Provider, out var provider))
            throw new InputException(config.SourceFile, "embeddings.provider", $"no provider '{embeddings.Provider}'; expected one of: {string.Join(", ", config.Providers.Keys.Order())}");
        if (gradedProvider is not null && config.Providers.TryGetValue(gradedProvider, out var graded) && graded.Type == "replay")
            return null;
        if (provider.Type != "openai")
            throw new InputException(config.SourceFile, "embeddings.provider", $"provider '{provider.Name}' is of type {provider.Type}; embeddings need an openai (OpenAI-compatible) provider");
        var (key, options) = ChatClientFactory.OpenAIConnection(provider, config);
        return new OpenAI.Embeddings.EmbeddingClient(embeddings.Model, key, options).AsIEmbeddingGenerator();
    }
}
