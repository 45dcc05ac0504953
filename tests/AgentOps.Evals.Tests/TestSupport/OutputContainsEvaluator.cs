using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.TestSupport;

/// <summary>A minimal evaluator so runner tests don't depend on the built-in ones: passes when the output contains 'value'.</summary>
internal sealed class OutputContainsEvaluator : IEvaluator
{
    public string Type => "test-contains";

    public IEnumerable<Problem> Validate(AssertionSpec spec) => [];

    public ValueTask<AssertionResult> EvaluateAsync(AssertionSpec spec, EvaluationContext context, CancellationToken cancellationToken)
    {
        var value = spec.GetString("value") ?? "";
        return ValueTask.FromResult(context.Response.Output.Contains(value, StringComparison.Ordinal)
            ? AssertionResult.Pass(Type, "contains " + value)
            : AssertionResult.Fail(Type, $"expected to contain '{value}'; response began: '{context.Response.Output}'"));
    }
}
