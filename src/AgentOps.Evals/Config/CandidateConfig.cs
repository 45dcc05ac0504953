namespace AgentOps.Evals.Config;

/// <summary>A prompt version × a model version × a provider: what answers the golden set.</summary>
/// <param name="Prompt">Path of the prompt template (relative to the config file), rendered with the case's vars.</param>
/// <param name="Target">chat (default), http, or the name of a registered .NET target.</param>
/// <param name="Name">The candidate's name (its key under <c>candidates:</c>).</param>
/// <param name="Model">The model id it calls.</param>
/// <param name="Provider">The provider (a key under <c>providers:</c>) that reaches the model.</param>
public sealed record CandidateConfig(string Name, string? Prompt, string Model, string Provider, string Target = "chat")
{
    /// <summary>Sampling and output settings (<c>settings:</c>); a change here makes a different candidate.</summary>
    public ModelSettings Settings { get; init; } = ModelSettings.None;
}
