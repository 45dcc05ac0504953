using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>not-contains</c> {value}: the output does not contain the value, case-sensitive.</summary>
internal sealed class NotContainsEvaluator : SpecEvaluator<TextValue>
{
    public override string Type => "not-contains";

    protected override IReadOnlyList<string> Fields { get; } = ["value"];

    protected override TextValue? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var value = spec.RequiredText("value", problems);
        if (value is null)
            return null;
        var quoted = Excerpt.Of(value);
        return new TextValue(value, quoted, $"does not contain '{quoted}'");
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(TextValue args, EvaluationContext context, CancellationToken cancellationToken)
    {
        var output = context.Response.Output;
        var index = output.IndexOf(args.Value, StringComparison.Ordinal);
        return new(index < 0
            ? AssertionResult.Pass(Type, args.PassReason)
            : AssertionResult.Fail(Type, $"expected not to contain '{args.Quoted}'; found at char {index}: '{Excerpt.Around(output, index, args.Value.Length)}'"));
    }
}
