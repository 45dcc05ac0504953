namespace AgentOps.Evals.Importing;

/// <summary>A promptfoo provider turned into one of our candidates and the provider it runs on.</summary>
public sealed record ImportedCandidate(string Name, string Model, string ProviderName, string Endpoint, string? ApiKeyEnv, string? PromptFile);
