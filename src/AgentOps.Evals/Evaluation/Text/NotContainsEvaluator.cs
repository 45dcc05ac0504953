namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>not-contains</c> {value}: the output does not contain the value, case-sensitive.</summary>
internal sealed class NotContainsEvaluator : TextValueEvaluator
{
    public override string Type => "not-contains";

    protected override string Describe(string quoted) => $"does not contain '{quoted}'";

    protected override string? Failure(string output, TextValue args)
    {
        var index = output.IndexOf(args.Value, StringComparison.Ordinal);
        return index < 0 ? null : $"expected not to contain '{args.Quoted}'; found at char {index}: '{Excerpt.Around(output, index, args.Value.Length)}'";
    }
}
