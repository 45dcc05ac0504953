using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>one-of</c> {values: [..]}: the trimmed output equals one of the values exactly.</summary>
internal sealed class OneOfEvaluator : SpecEvaluator<OneOfEvaluator.Args>
{
    internal sealed record Args(string[] Values, string Listed);

    public override string Type => "one-of";

    protected override IReadOnlyList<string> Fields { get; } = ["values"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var values = spec.RequiredTextList("values", problems);
        if (values is null)
            return null;
        for (var i = 0; i < values.Length; i++)
            values[i] = values[i].Trim();
        return new Args(values, string.Join(", ", values.Select(v => $"'{Excerpt.Of(v, 40)}'")));
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        var output = context.Response.Output.AsSpan().Trim();
        foreach (var value in args.Values)
        {
            if (output.Equals(value, StringComparison.Ordinal))
                return new(AssertionResult.Pass(Type, $"equals '{Excerpt.Of(value)}', one of {args.Listed}"));
        }
        var shown = output.Length == 0 ? "response was empty" : $"response was: '{Excerpt.Of(output.ToString())}'";
        return new(AssertionResult.Fail(Type, $"expected one of {args.Listed}; {shown}"));
    }
}
