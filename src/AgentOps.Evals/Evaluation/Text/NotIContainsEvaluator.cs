namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>not-icontains</c> {value}: the output does not contain the value, ignoring case.</summary>
internal sealed class NotIContainsEvaluator : TextValueEvaluator
{
    public override string Type => "not-icontains";

    protected override string Describe(string quoted) => $"does not contain '{quoted}' (ignoring case)";

    protected override string? Failure(string output, TextValue args)
    {
        var index = output.IndexOf(args.Value, StringComparison.OrdinalIgnoreCase);
        return index < 0 ? null : $"expected not to contain '{args.Quoted}' (ignoring case); found at char {index}: '{Excerpt.Around(output, index, args.Value.Length)}'";
    }
}
