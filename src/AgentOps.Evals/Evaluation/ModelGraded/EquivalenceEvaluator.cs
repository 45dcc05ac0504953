using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Judging;

namespace AgentOps.Evals.Evaluation.ModelGraded;

/// <summary><c>equivalence</c> {value}: the judge decides whether the response gives the same answer as the expected one.</summary>
internal sealed class EquivalenceEvaluator : JudgedEvaluator<TextValue>
{
    public override string Type => "equivalence";

    protected override IReadOnlyList<string> Fields { get; } = ["value"];

    protected override TextValue? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var value = spec.RequiredText("value", problems);
        return value is null ? null : new TextValue(value, Excerpt.Of(value), "");
    }

    protected override JudgeRequest? Build(TextValue args, AssertionContext context, out string unusable)
    {
        unusable = "";
        return new JudgeRequest(Type,
            [("conversation", Conversation(context)), ("expected", args.Value), ("response", context.Response.Output)],
            JudgeScale.PassFail);
    }
}
