using System.Globalization;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Text;

/// <summary>Base of <c>min-length</c> and <c>max-length</c> {value}: the output's length in characters (text elements, so an emoji counts once) against a bound.</summary>
internal abstract class LengthEvaluator : SpecEvaluator<LengthEvaluator.Args>
{
    internal sealed record Args(long Bound);

    /// <summary>True when the bound is a minimum.</summary>
    protected abstract bool IsMinimum { get; }

    protected sealed override IReadOnlyList<string> Fields { get; } = ["value"];

    protected sealed override Args? Parse(AssertionSpec spec, List<Problem> problems) =>
        spec.RequiredCount("value", "characters", problems, max: int.MaxValue) is { } bound ? new Args(bound) : null;

    protected sealed override ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        var output = context.Response.Output;
        var length = new StringInfo(output).LengthInTextElements;
        var shown = length.ToString(CultureInfo.InvariantCulture);
        var bound = args.Bound.ToString(CultureInfo.InvariantCulture);
        var holds = IsMinimum ? length >= args.Bound : length <= args.Bound;
        return new(holds
            ? AssertionResult.Pass(Type, $"{shown} characters, {(IsMinimum ? "at least" : "at most")} {bound}")
            : AssertionResult.Fail(Type, $"expected {(IsMinimum ? "at least" : "at most")} {bound} characters, found {shown}; {Excerpt.ResponseBegan(output)}"));
    }
}
