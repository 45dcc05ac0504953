using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.TestSupport;

/// <summary>A minimal evaluator so runner tests don't depend on the built-in ones: passes when the output contains 'value'.</summary>
internal sealed class OutputContainsEvaluator : IAssertionType
{
    public string Type => "test-contains";

    public BoundAssertion? Bind(AssertionSpec spec, ICollection<Problem> problems) => new Bound(Type, spec.Location, spec.GetString("value") ?? "");

    private sealed class Bound(string type, SourceLocation location, string value) : BoundAssertion(type, location)
    {
        protected internal override ValueTask<AssertionResult> CheckAsync(AssertionContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(context.Response.Output.Contains(value, StringComparison.Ordinal)
                ? AssertionResult.Pass(Type, "contains " + value)
                : AssertionResult.Fail(Type, $"expected to contain '{value}'; response began: '{context.Response.Output}'"));
    }
}
