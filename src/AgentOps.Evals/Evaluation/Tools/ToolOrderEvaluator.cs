using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Tools;

/// <summary><c>tool-order</c> {names: [..]}: the named tools were called in this relative order (other calls may come between).</summary>
internal sealed class ToolOrderEvaluator : SpecEvaluator<ToolOrderEvaluator.Args>
{
    internal sealed record Args(string[] Names, string Order);

    public override string Type => "tool-order";

    protected override IReadOnlyList<string> Fields { get; } = ["names"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var names = spec.RequiredTextList("names", problems);
        return names is null ? null : new Args(names, string.Join(" → ", names));
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        var calls = context.Response.Trajectory.ToolCalls;
        var matched = 0;
        for (var i = 0; i < calls.Count && matched < args.Names.Length; i++)
        {
            if (string.Equals(calls[i].Name, args.Names[matched], StringComparison.Ordinal))
                matched++;
        }
        if (matched == args.Names.Length)
            return new(AssertionResult.Pass(Type, $"called in order {args.Order}"));

        var why = matched == 0
            ? $"{args.Names[0]} was never called"
            : $"matched {string.Join(" → ", args.Names[..matched])}, but no call to {args.Names[matched]} came after {args.Names[matched - 1]}";
        return new(AssertionResult.Fail(Type, $"expected tool calls in order {args.Order}; {why}; {ToolCallList.NamesOnly(calls)}"));
    }
}
