using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>contains</c> {value}: the output contains the value, case-sensitive.</summary>
internal sealed class ContainsEvaluator : SpecEvaluator<TextValue>
{
    public override string Type => "contains";

    protected override IReadOnlyList<string> Fields { get; } = ["value"];

    protected override TextValue? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var value = spec.RequiredText("value", problems);
        if (value is null)
            return null;
        var quoted = Excerpt.Of(value);
        return new TextValue(value, quoted, $"contains '{quoted}'");
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(TextValue args, EvaluationContext context, CancellationToken cancellationToken)
    {
        var output = context.Response.Output;
        return new(output.Contains(args.Value, StringComparison.Ordinal)
            ? AssertionResult.Pass(Type, args.PassReason)
            : AssertionResult.Fail(Type, $"expected to contain '{args.Quoted}'; {Excerpt.ResponseBegan(output)}"));
    }
}
