using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>starts-with</c> {value}: the output, after leading whitespace, starts with the value (case-sensitive).</summary>
internal sealed class StartsWithEvaluator : SpecEvaluator<TextValue>
{
    public override string Type => "starts-with";

    protected override IReadOnlyList<string> Fields { get; } = ["value"];

    protected override TextValue? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var value = spec.RequiredText("value", problems);
        if (value is null)
            return null;
        var quoted = Excerpt.Of(value);
        return new TextValue(value, quoted, $"starts with '{quoted}'");
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(TextValue args, EvaluationContext context, CancellationToken cancellationToken)
    {
        var output = context.Response.Output;
        // Models often open with a newline; that is not what a case author means to test.
        return new(output.AsSpan().TrimStart().StartsWith(args.Value, StringComparison.Ordinal)
            ? AssertionResult.Pass(Type, args.PassReason)
            : AssertionResult.Fail(Type, $"expected to start with '{args.Quoted}'; {Excerpt.ResponseBegan(output.TrimStart())}"));
    }
}
