namespace AgentOps.Evals.Importing;

/// <summary>A promptfoo provider × prompt turned into one of our candidates and the provider it runs on.</summary>
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
