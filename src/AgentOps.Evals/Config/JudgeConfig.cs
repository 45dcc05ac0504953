namespace AgentOps.Evals.Config;

/// <summary>The model that grades free text for model-graded assertions.</summary>
/// <param name="Prompts">Overrides of judge prompt files by evaluator type (llm-rubric, equivalence, …).</param>
/// <param name="Model">The judge's model id.</param>
/// <param name="Provider">The provider that reaches the judge.</param>
/// <param name="MinAgreement">The least agreement with human labels (<c>calibrate</c>) for judge rules to be trusted; null: not checked.</param>
public sealed record JudgeConfig(string Model, string Provider, IReadOnlyDictionary<string, string>? Prompts = null, double? MinAgreement = null);
