namespace AgentOps.Evals.Config;

/// <summary>Where model calls go: <c>openai</c> (any OpenAI-compatible endpoint), <c>azure-openai</c>, <c>anthropic</c>, <c>ollama</c>,
/// <c>replay</c> (cassettes) or <c>http</c> (the team's agent endpoint).</summary>
/// <param name="ApiKeyEnv">Name of the environment variable holding the key; the key itself never sits in config.</param>
/// <param name="Cassettes">Folder of recorded responses, for <c>replay</c> and for <c>run --record</c>.</param>
/// <param name="Name">The key under <c>providers:</c> that candidates and the judge refer to.</param>
/// <param name="Type">openai, azure-openai, anthropic, ollama, replay or http.</param>
/// <param name="Endpoint">Base URL of the service; null: the provider type's default.</param>
public sealed record ProviderConfig(string Name, string Type, string? Endpoint = null, string? ApiKeyEnv = null, string? Cassettes = null)
{
    /// <summary>Rate limits shared by every candidate and the judge that use this provider.</summary>
    public ProviderLimits Limits { get; init; } = ProviderLimits.None;

    /// <summary>Extra request headers (the http target's auth); values may hold <c>${VAR}</c>, filled from the environment when used.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Azure OpenAI: the deployment name in the URL; when unset, the candidate's model is the deployment.</summary>
    public string? Deployment { get; init; }

    /// <summary>Azure OpenAI: the <c>api-version</c> query parameter (default <see cref="DefaultAzureApiVersion"/>).</summary>
    public string? ApiVersion { get; init; }

    /// <summary>The api-version an Azure OpenAI provider uses when the config names none (the current GA data-plane version).</summary>
    public const string DefaultAzureApiVersion = "2024-10-21";
}
