using AgentOps.Evals.Cases;

namespace AgentOps.Evals.Evaluation.ModelGraded;

/// <summary>Which cases need the judge.</summary>
public static class ModelGrading
{
    /// <summary>True when any assertion of <paramref name="goldenCase"/> is model-graded.</summary>
    public static bool NeedsJudge(GoldenCase goldenCase, EvaluatorRegistry evaluators) =>
        goldenCase.Expect.Any(a => evaluators.Bind(a).NeedsJudge);
}
