namespace AgentOps.Evals.Importing;

/// <summary>A promptfoo provider read as a model on one of our provider types (before prompts multiply it into candidates).</summary>
/// <param name="Label">promptfoo's label for the provider (else its id); slugged into candidate and provider names.</param>
/// <param name="Model">The model id the provider calls.</param>
/// <param name="ProviderType">Our provider type: openai, anthropic, ollama, azure-openai or http.</param>
/// <param name="Endpoint">The provider's URL; null where the kind has a default (anthropic, ollama).</param>
/// <param name="ApiKeyEnv">Name of the environment variable holding the key.</param>
/// <param name="Native">True when the provider runs as promptfoo ran it; false for a stub a person must point at the real service.</param>
internal sealed record PromptfooProvider(string Label, string Model, string ProviderType, string? Endpoint, string? ApiKeyEnv, bool Native)
{
    /// <summary>azure-openai: the deployment the id names.</summary>
    public string? Deployment { get; init; }

    /// <summary>azure-openai: the config's apiVersion.</summary>
    public string? ApiVersion { get; init; }
}
