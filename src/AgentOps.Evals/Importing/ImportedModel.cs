namespace AgentOps.Evals.Importing;

/// <summary>A model the import configures besides the candidates (the judge, the embeddings for <c>similar</c>) and its provider.</summary>
public sealed record ImportedModel(string Model, string ProviderName, string Endpoint, string? ApiKeyEnv);
