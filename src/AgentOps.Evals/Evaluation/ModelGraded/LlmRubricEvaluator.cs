using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Judging;

namespace AgentOps.Evals.Evaluation.ModelGraded;

/// <summary><c>llm-rubric</c> {rubric, scale = 1-5 | pass-fail, min-score = 4}: the judge grades the response against the rubric.</summary>
internal sealed class LlmRubricEvaluator : JudgedEvaluator<LlmRubricEvaluator.Args>
{
    internal sealed record Args(string Rubric, JudgeScale Scale, double MinScore);

    public override string Type => "llm-rubric";

    protected override IReadOnlyList<string> Fields { get; } = ["rubric", "scale", "min-score"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var rubric = spec.RequiredText("rubric", problems);
        var scale = JudgeScale.OneToFive;
        if (spec.Args["scale"] is not null)
        {
            switch (spec.GetString("scale"))
            {
                case "1-5": break;
                case "pass-fail": scale = JudgeScale.PassFail; break;
                case var other: problems.Add(new Problem(spec.Location, "scale", $"found '{other}', expected 1-5 or pass-fail")); break;
            }
        }
        if (scale == JudgeScale.PassFail && spec.Args["min-score"] is not null)
            problems.Add(new Problem(spec.Location, "min-score", "a pass-fail rubric has no score; remove min-score or use scale: 1-5"));
        var minScore = spec.OptionalNumber("min-score", 4, problems, min: 1, max: 5);
        return rubric is null || problems.Count > 0 ? null : new Args(rubric, scale, minScore);
    }

    protected override JudgeRequest? Build(Args args, AssertionContext context, out string unusable)
    {
        unusable = "";
        return new JudgeRequest(Type,
            [("conversation", Conversation(context)), ("response", context.Response.Output)],
            args.Scale, args.MinScore,
            [("rubric", args.Rubric)]);
    }
}
