using System.Text;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Judging;

namespace AgentOps.Evals.Evaluation.ModelGraded;

/// <summary><c>tool-use-judgement</c> {criteria?}: the judge decides whether the trial's tool calls were appropriate for the request.</summary>
internal sealed class ToolUseJudgementEvaluator : JudgedEvaluator<ToolUseJudgementEvaluator.Args>
{
    internal sealed record Args(string? Criteria);

    public override string Type => "tool-use-judgement";

    protected override IReadOnlyList<string> Fields { get; } = ["criteria"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var criteria = spec.Args["criteria"] is null ? null : spec.RequiredText("criteria", problems);
        return problems.Count > 0 ? null : new Args(criteria);
    }

    protected override JudgeRequest? Build(Args args, AssertionContext context, out string unusable)
    {
        unusable = "";
        var tools = new StringBuilder();
        foreach (var tool in context.Case.Input.Tools)
            tools.Append(tool.Name).Append(": ").Append(tool.Description).Append(" parameters ").Append(tool.Parameters?.ToJsonString() ?? "{}").Append('\n');
        var calls = new StringBuilder();
        foreach (var call in context.Response.Trajectory.ToolCalls)
        {
            calls.Append(call.Name).Append('(').Append(call.ArgumentsJson).Append(") → ")
                .Append(call.Error is null ? call.ResultJson ?? "null" : "error: " + call.Error).Append('\n');
        }
        return new JudgeRequest(Type,
            [
                ("conversation", Conversation(context)),
                ("tools", tools.Length == 0 ? "(no tools offered)" : tools.ToString().TrimEnd('\n')),
                ("tool_calls", calls.Length == 0 ? "(no tools were called)" : calls.ToString().TrimEnd('\n')),
                ("response", context.Response.Output),
            ],
            JudgeScale.PassFail,
            Instructions: args.Criteria is null ? null : [("criteria", args.Criteria)]);
    }
}
