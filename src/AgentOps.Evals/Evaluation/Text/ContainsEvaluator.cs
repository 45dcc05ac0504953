namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>contains</c> {value}: the output contains the value, case-sensitive.</summary>
internal sealed class ContainsEvaluator : TextValueEvaluator
{
    public override string Type => "contains";

    protected override string Describe(string quoted) => $"contains '{quoted}'";

    protected override string? Failure(string output, TextValue args) =>
        output.Contains(args.Value, StringComparison.Ordinal) ? null : $"expected to contain '{args.Quoted}'; {Excerpt.ResponseBegan(output)}";
}
