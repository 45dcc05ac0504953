using Microsoft.Extensions.AI.Evaluation;

namespace AgentOps.Evals.Evaluation.Meai;

/// <summary>Part of a golden case handed to an MEAI evaluator as an <see cref="EvaluationContext"/>: the grounding
/// documents (<c>input.context</c>) or the mocked tool definitions, by name.</summary>
public sealed class CaseContext(string name, string text) : EvaluationContext(name, text);
