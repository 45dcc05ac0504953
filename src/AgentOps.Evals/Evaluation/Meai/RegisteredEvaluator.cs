namespace AgentOps.Evals.Evaluation.Meai;

/// <summary>An MEAI evaluator registered under a name for <c>{type: evaluator, name: …}</c> assertions.</summary>
/// <param name="Name">The name case files use in <c>{type: evaluator, name: …}</c>.</param>
/// <param name="Evaluator">The MEAI evaluator that scores the trial.</param>
/// <param name="NeedsJudge">True when it asks a model (most MEAI quality evaluators do): the run then builds the judge
/// client and hands it over as <c>ChatConfiguration</c>, so the calls replay, retry and count as judge cost.</param>
public sealed record RegisteredEvaluator(string Name, Microsoft.Extensions.AI.Evaluation.IEvaluator Evaluator, bool NeedsJudge);
