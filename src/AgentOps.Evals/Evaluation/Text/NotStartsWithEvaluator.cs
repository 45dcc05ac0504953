namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>not-starts-with</c> {value}: the output, after leading whitespace, does not start with the value (case-sensitive).</summary>
internal sealed class NotStartsWithEvaluator : TextValueEvaluator
{
    public override string Type => "not-starts-with";

    protected override string Describe(string quoted) => $"does not start with '{quoted}'";

    protected override string? Failure(string output, TextValue args) =>
        output.AsSpan().TrimStart().StartsWith(args.Value, StringComparison.Ordinal) ? $"expected not to start with '{args.Quoted}'; {Excerpt.ResponseBegan(output.TrimStart())}" : null;
}
