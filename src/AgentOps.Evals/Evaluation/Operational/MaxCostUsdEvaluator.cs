using System.Globalization;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Operational;

/// <summary><c>max-cost-usd</c> {value}: the candidate's spend on the trial (judge spend excluded) was at most this many USD.</summary>
internal sealed class MaxCostUsdEvaluator : SpecEvaluator<MaxCostUsdEvaluator.Args>
{
    internal sealed record Args(decimal Limit, string Shown);

    public override string Type => "max-cost-usd";

    protected override IReadOnlyList<string> Fields { get; } = ["value"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems)
    {
        if (spec.RequiredNumber("value", problems, min: 0, max: 1_000_000) is not { } limit)
            return null;
        var exact = (decimal)limit;
        return new Args(exact, Usd(exact));
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        var cost = context.Response.Usage.CostUsd;
        return new(cost <= args.Limit
            ? AssertionResult.Pass(Type, $"cost {Usd(cost)}; limit {args.Shown}")
            : AssertionResult.Fail(Type, $"cost {Usd(cost)}, over the limit of {args.Shown} ({context.Response.Usage.InputTokens} input + {context.Response.Usage.OutputTokens} output tokens)"));
    }

    private static string Usd(decimal value) => "$" + value.ToString("0.######", CultureInfo.InvariantCulture);
}
