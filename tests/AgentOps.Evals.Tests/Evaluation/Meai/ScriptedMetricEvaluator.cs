using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AgentOps.Evals.Tests.Evaluation.Meai;

/// <summary>An MEAI evaluator that returns the metric a test built: for the cases where an evaluator cannot decide.</summary>
internal sealed class ScriptedMetricEvaluator(Func<EvaluationMetric> metric) : IEvaluator
{
    public IReadOnlyCollection<string> EvaluationMetricNames => ["Score"];

    public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default) =>
        new(new EvaluationResult(metric()));
}
