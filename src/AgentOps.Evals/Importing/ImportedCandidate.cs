namespace AgentOps.Evals.Importing;

/// <summary>A promptfoo provider × prompt turned into one of our candidates and the provider it runs on.</summary>
/// <param name="Name">The candidate's name: the provider's label slug, plus the prompt's label when the suite has several prompts; unique.</param>
/// <param name="Model">The model id the provider calls.</param>
/// <param name="ProviderName">The <c>pf-</c> provider entry this candidate runs on (shared by every prompt of one promptfoo provider).</param>
/// <param name="Endpoint">The provider's URL; null where the kind has a default (anthropic, ollama).</param>
/// <param name="ApiKeyEnv">Name of the environment variable holding the key.</param>
/// <param name="PromptFile">The written prompt file (<c>prompts/SUITE/CONFIG-N.md</c>) the candidate uses; null for none.</param>
/// <param name="ProviderType"><c>openai</c> (any OpenAI-compatible endpoint), <c>anthropic</c>, <c>ollama</c>, <c>azure-openai</c> or <c>http</c> (the team's own endpoint).</param>
/// <param name="Target"><c>chat</c>, or <c>http</c> for an http provider.</param>
/// <param name="Native">True when the provider runs as promptfoo ran it; false for a stub a person must point at the real service.</param>
public sealed record ImportedCandidate(string Name, string Model, string ProviderName, string? Endpoint, string? ApiKeyEnv, string? PromptFile,
    string ProviderType = "openai", string Target = "chat", bool Native = true)
{
    /// <summary>azure-openai: the deployment name (else the model is the deployment).</summary>
    public string? Deployment { get; init; }

    /// <summary>azure-openai: the api-version promptfoo's config named.</summary>
    public string? ApiVersion { get; init; }
}
