using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;
using Microsoft.Extensions.AI.Evaluation;

namespace AgentOps.Evals.Evaluation.Meai;

/// <summary>A bound <c>{type: evaluator, name, metric, min|max}</c> entry: the registered MEAI evaluator is the assertion's
/// evaluator as it is, and the verdict is its chosen metric against the bounds (or its own interpretation).</summary>
internal sealed class RegisteredEvaluatorAssertion(SourceLocation location, RegisteredEvaluator registered, string metric, double? min, double? max)
    : BoundAssertion(EvaluatorAssertionType.TypeName, location)
{
    public override bool NeedsJudge => registered.NeedsJudge;

    public override IEvaluator Evaluator => registered.Evaluator;

    internal override string EvaluatorName => registered.Name;

    /// <summary>The check is the registered evaluator read against the bounds: the same path <see cref="BoundAssertion.EvaluateAsync"/> takes.</summary>
    protected internal override ValueTask<AssertionResult> CheckAsync(AssertionContext context, CancellationToken cancellationToken) =>
        EvaluateAsync(context, cancellationToken);

    private protected override AssertionResult Decide(EvaluationResult result) => MetricVerdict.From(Type, result, metric, min, max);
}
