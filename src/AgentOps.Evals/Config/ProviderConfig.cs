namespace AgentOps.Evals.Config;

/// <summary>Where model calls go: <c>openai</c> (any OpenAI-compatible endpoint), <c>replay</c> (cassettes) or <c>http</c> (the team's agent endpoint).</summary>
/// <param name="ApiKeyEnv">Name of the environment variable holding the key; the key itself never sits in config.</param>
/// <param name="Cassettes">Folder of recorded responses, for <c>replay</c> and for <c>run --record</c>.</param>
public sealed record ProviderConfig(string Name, string Type, string? Endpoint = null, string? ApiKeyEnv = null, string? Cassettes = null)
{
    /// <summary>Rate limits shared by every candidate and the judge that use this provider.</summary>
    public ProviderLimits Limits { get; init; } = ProviderLimits.None;

    /// <summary>Extra request headers (the http target's auth); values may hold <c>${VAR}</c>, filled from the environment when used.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
