namespace AgentOps.Evals.Config;

/// <summary>The model that grades free text for model-graded assertions.</summary>
/// <param name="Prompts">Overrides of judge prompt files by evaluator type (llm-rubric, equivalence, …).</param>
public sealed record JudgeConfig(string Model, string Provider, IReadOnlyDictionary<string, string>? Prompts = null, double? MinAgreement = null);
