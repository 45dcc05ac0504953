using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Tools;

/// <summary><c>max-tool-calls</c> {value}: the trial made at most this many tool calls.</summary>
internal sealed class MaxToolCallsEvaluator : SpecEvaluator<MaxToolCallsEvaluator.Args>
{
    internal sealed record Args(int Limit);

    public override string Type => "max-tool-calls";

    protected override IReadOnlyList<string> Fields { get; } = ["value"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems) =>
        spec.RequiredCount("value", "calls", problems, max: int.MaxValue) is { } limit ? new Args((int)limit) : null;

    protected override ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        var calls = context.Response.Trajectory.ToolCalls;
        var noun = calls.Count == 1 ? "call" : "calls";
        return new(calls.Count <= args.Limit
            ? AssertionResult.Pass(Type, $"made {calls.Count} tool {noun}; at most {args.Limit} allowed")
            : AssertionResult.Fail(Type, $"made {calls.Count} tool {noun}; at most {args.Limit} allowed; {ToolCallList.NamesOnly(calls)}"));
    }
}
