namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>starts-with</c> {value}: the output, after leading whitespace, starts with the value (case-sensitive).</summary>
internal sealed class StartsWithEvaluator : TextValueEvaluator
{
    public override string Type => "starts-with";

    protected override string Describe(string quoted) => $"starts with '{quoted}'";

    // Models often open with a newline; that is not what a case author means to test.
    protected override string? Failure(string output, TextValue args) =>
        output.AsSpan().TrimStart().StartsWith(args.Value, StringComparison.Ordinal) ? null : $"expected to start with '{args.Quoted}'; {Excerpt.ResponseBegan(output.TrimStart())}";
}
