namespace AgentOps.Evals.Running;

/// <summary>One assertion's verdict on one trial, with a reason a person can act on.</summary>
/// <param name="Score">A graded score where the evaluator has one (similarity, judge score), else null.</param>
/// <param name="InfraError">True when the assertion could not be evaluated (e.g. the judge failed): not a model failure.</param>
public sealed record AssertionResult(string Type, bool Passed, string Reason, double? Score = null, bool InfraError = false)
{
    /// <summary>The Microsoft.Extensions.AI.Evaluation metric the verdict was read from; null when none was returned.</summary>
    public Evaluation.Meai.EvaluatorMetric? Metric { get; init; }

    public static AssertionResult Pass(string type, string reason, double? score = null) => new(type, true, reason, score);
    public static AssertionResult Fail(string type, string reason, double? score = null) => new(type, false, reason, score);
}
