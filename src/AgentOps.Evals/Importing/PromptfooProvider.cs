namespace AgentOps.Evals.Importing;

/// <summary>A promptfoo provider read as a model on one of our provider types (before prompts multiply it into candidates).</summary>
/// <param name="Endpoint">The provider's URL; null where the kind has a default (anthropic, ollama).</param>
internal sealed record PromptfooProvider(string Label, string Model, string ProviderType, string? Endpoint, string? ApiKeyEnv, bool Native)
{
    /// <summary>azure-openai: the deployment the id names.</summary>
    public string? Deployment { get; init; }

    /// <summary>azure-openai: the config's apiVersion.</summary>
    public string? ApiVersion { get; init; }
}
