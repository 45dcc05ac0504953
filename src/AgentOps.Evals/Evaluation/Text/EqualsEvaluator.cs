using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>equals</c> {value, ignore-case = false, trim = true}: the output equals the value.</summary>
internal sealed class EqualsEvaluator : SpecEvaluator<EqualsEvaluator.Args>
{
    internal sealed record Args(string Expected, StringComparison Comparison, bool Trim, string Quoted, string PassReason);

    public override string Type => "equals";

    protected override IReadOnlyList<string> Fields { get; } = ["value", "ignore-case", "trim"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var value = spec.RequiredText("value", problems, allowEmpty: true);
        var ignoreCase = spec.OptionalBool("ignore-case", false, problems);
        var trim = spec.OptionalBool("trim", true, problems);
        if (value is null || problems.Count > 0)
            return null;
        var expected = trim ? value.Trim() : value;
        var quoted = Excerpt.Of(expected);
        return new Args(
            expected,
            ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal,
            trim,
            quoted,
            ignoreCase ? $"equals '{quoted}' (ignoring case)" : $"equals '{quoted}'");
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        var output = context.Response.Output;
        var actual = args.Trim ? output.AsSpan().Trim() : output.AsSpan();
        if (actual.Equals(args.Expected, args.Comparison))
            return new(AssertionResult.Pass(Type, args.PassReason));

        var at = FirstDifference(actual, args.Expected, args.Comparison);
        var actualText = actual.ToString();
        var shown = at < Excerpt.DefaultLength / 2
            ? Excerpt.ResponseBegan(actualText)
            : $"response around char {at}: '{Excerpt.Around(actualText, at, 1)}'";
        return new(AssertionResult.Fail(Type, $"expected to equal '{args.Quoted}' (first difference at char {at}); {shown}"));
    }

    private static int FirstDifference(ReadOnlySpan<char> actual, string expected, StringComparison comparison)
    {
        var length = Math.Min(actual.Length, expected.Length);
        for (var i = 0; i < length; i++)
        {
            if (!actual.Slice(i, 1).Equals(expected.AsSpan(i, 1), comparison))
                return i;
        }
        return length;
    }
}
