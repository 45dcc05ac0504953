using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>not-empty</c>: the output holds something besides whitespace.</summary>
internal sealed class NotEmptyEvaluator : SpecEvaluator<object>
{
    private static readonly object NoArgs = new();

    public override string Type => "not-empty";

    protected override IReadOnlyList<string> Fields { get; } = [];

    protected override object? Parse(AssertionSpec spec, List<Problem> problems) => NoArgs;

    protected override ValueTask<AssertionResult> EvaluateAsync(object args, AssertionContext context, CancellationToken cancellationToken) =>
        new(string.IsNullOrWhiteSpace(context.Response.Output)
            ? AssertionResult.Fail(Type, context.Response.Output.Length == 0 ? "expected a non-empty response; response was empty" : "expected a non-empty response; response was only whitespace")
            : AssertionResult.Pass(Type, "response is not empty"));
}
