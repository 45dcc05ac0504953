namespace AgentOps.Evals.Config;

/// <summary>Where model calls go: <c>openai</c> (any OpenAI-compatible endpoint), <c>replay</c> (cassettes) or <c>http</c> (the team's agent endpoint).</summary>
/// <param name="ApiKeyEnv">Name of the environment variable holding the key; the key itself never sits in config.</param>
/// <param name="Cassettes">Folder of recorded responses, for <c>replay</c> and for <c>run --record</c>.</param>
public sealed record ProviderConfig(string Name, string Type, string? Endpoint = null, string? ApiKeyEnv = null, string? Cassettes = null);
