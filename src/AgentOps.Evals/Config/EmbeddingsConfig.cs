namespace AgentOps.Evals.Config;

/// <summary>The embedding model the <c>similar</c> assertion uses: <c>embeddings: {model, provider}</c>, an OpenAI-compatible provider.</summary>
public sealed record EmbeddingsConfig(string Model, string Provider);
