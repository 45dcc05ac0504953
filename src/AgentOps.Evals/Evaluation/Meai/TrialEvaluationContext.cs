using Microsoft.Extensions.AI.Evaluation;

namespace AgentOps.Evals.Evaluation.Meai;

/// <summary>The whole trial (case, response with latency and cost, candidate, trial index, embeddings), handed through MEAI's
/// additional context so an assertion scored as an <see cref="IEvaluator"/> by the runner sees exactly what it would see
/// called directly: nothing is lost translating to a <c>ChatResponse</c> and back. Other evaluators see a one-line description.</summary>
internal sealed class TrialEvaluationContext(AssertionContext trial)
    : EvaluationContext(ContextName, $"case {trial.Case.Id}, trial {trial.TrialIndex}, candidate {trial.Candidate.Name}")
{
    public const string ContextName = "AgentOps trial";

    public AssertionContext Trial { get; } = trial;
}
