using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>icontains</c> {value}: the output contains the value, ignoring case.</summary>
internal sealed class IContainsEvaluator : SpecEvaluator<TextValue>
{
    public override string Type => "icontains";

    protected override IReadOnlyList<string> Fields { get; } = ["value"];

    protected override TextValue? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var value = spec.RequiredText("value", problems);
        if (value is null)
            return null;
        var quoted = Excerpt.Of(value);
        return new TextValue(value, quoted, $"contains '{quoted}' (ignoring case)");
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(TextValue args, EvaluationContext context, CancellationToken cancellationToken)
    {
        var output = context.Response.Output;
        return new(output.Contains(args.Value, StringComparison.OrdinalIgnoreCase)
            ? AssertionResult.Pass(Type, args.PassReason)
            : AssertionResult.Fail(Type, $"expected to contain '{args.Quoted}' (ignoring case); {Excerpt.ResponseBegan(output)}"));
    }
}
