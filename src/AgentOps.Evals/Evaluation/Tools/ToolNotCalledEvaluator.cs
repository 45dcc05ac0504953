using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Tools;

/// <summary><c>tool-not-called</c> {name}: no call to the tool was made.</summary>
internal sealed class ToolNotCalledEvaluator : SpecEvaluator<TextValue>
{
    public override string Type => "tool-not-called";

    protected override IReadOnlyList<string> Fields { get; } = ["name"];

    protected override TextValue? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var name = spec.RequiredText("name", problems);
        return name is null ? null : new TextValue(name, name, $"{name} was not called");
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(TextValue args, AssertionContext context, CancellationToken cancellationToken)
    {
        var calls = context.Response.Trajectory.ToolCalls;
        var count = 0;
        for (var i = 0; i < calls.Count; i++)
        {
            if (string.Equals(calls[i].Name, args.Value, StringComparison.Ordinal))
                count++;
        }
        if (count == 0)
            return new(AssertionResult.Pass(Type, args.PassReason));
        var times = count == 1 ? "once" : $"{count} times";
        var offending = calls.Where(c => string.Equals(c.Name, args.Value, StringComparison.Ordinal)).ToList();
        return new(AssertionResult.Fail(Type, $"expected no call to {args.Value}; it was called {times}: {ToolCallList.Join(offending, withArgs: true)}"));
    }
}
