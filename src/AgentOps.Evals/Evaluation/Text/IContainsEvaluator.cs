namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>icontains</c> {value}: the output contains the value, ignoring case.</summary>
internal sealed class IContainsEvaluator : TextValueEvaluator
{
    public override string Type => "icontains";

    protected override string Describe(string quoted) => $"contains '{quoted}' (ignoring case)";

    protected override string? Failure(string output, TextValue args) =>
        output.Contains(args.Value, StringComparison.OrdinalIgnoreCase) ? null : $"expected to contain '{args.Quoted}' (ignoring case); {Excerpt.ResponseBegan(output)}";
}
