namespace AgentOps.Evals.Importing;

/// <summary>A promptfoo provider read as a model on one of our provider types (before prompts multiply it into candidates).</summary>
internal sealed record PromptfooProvider(string Label, string Model, string ProviderType, string Endpoint, string? ApiKeyEnv, bool Native);
