namespace AgentOps.Evals.Evaluation;

/// <summary>The one place built-in evaluators are listed.</summary>
internal static class BuiltInEvaluators
{
    public static IEnumerable<IEvaluator> All()
    {
        yield break;
    }
}
