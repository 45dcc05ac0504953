using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Judging;

namespace AgentOps.Evals.Evaluation.ModelGraded;

/// <summary><c>groundedness</c>: the judge decides whether every claim in the response is supported by the case's <c>input.context</c>.</summary>
internal sealed class GroundednessEvaluator : JudgedEvaluator<GroundednessEvaluator.Args>
{
    internal sealed record Args;

    private static readonly Args NoArgs = new();

    public override string Type => "groundedness";

    protected override IReadOnlyList<string> Fields { get; } = [];

    protected override bool NeedsContext => true;

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems) => NoArgs;

    protected override JudgeRequest? Build(Args args, AssertionContext context, out string unusable)
    {
        var documents = context.Case.Input.Context;
        if (documents.Count == 0)
        {
            // The loader refuses such a case; one built in code still reaches here.
            unusable = "groundedness needs documents to ground against, and this case has no input.context";
            return null;
        }
        unusable = "";
        var fields = new List<(string, string)> { ("conversation", Conversation(context)) };
        fields.Add(("context", string.Join("\n---\n", documents)));
        fields.Add(("response", context.Response.Output));
        return new JudgeRequest(Type, fields, JudgeScale.PassFail);
    }
}
