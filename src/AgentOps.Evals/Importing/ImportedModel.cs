namespace AgentOps.Evals.Importing;

/// <summary>A model the import configures besides the candidates (the judge, the embeddings for <c>similar</c>) and its provider.</summary>
public sealed record ImportedModel(string Model, string ProviderName, string? Endpoint, string? ApiKeyEnv, string ProviderType = "openai")
{
    /// <summary>azure-openai: the deployment name.</summary>
    public string? Deployment { get; init; }

    /// <summary>azure-openai: the api-version.</summary>
    public string? ApiVersion { get; init; }
}
