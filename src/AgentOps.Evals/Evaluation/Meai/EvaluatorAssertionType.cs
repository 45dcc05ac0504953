using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Evaluation.Meai;

/// <summary>
/// <c>evaluator</c> {name, metric?, min?, max?}: runs a registered Microsoft.Extensions.AI.Evaluation evaluator on the trial
/// and decides on one of its metrics: a numeric metric against min/max, otherwise the evaluator's own interpretation.
/// The name and metric are checked when the case loads (with did-you-mean), like every other assertion.
/// </summary>
internal sealed class EvaluatorAssertionType(EvaluatorRegistry registry) : IAssertionType
{
    public const string TypeName = "evaluator";

    private static readonly string[] Fields = ["name", "metric", "min", "max"];

    public string Type => TypeName;

    public BoundAssertion? Bind(AssertionSpec spec, ICollection<Problem> problems)
    {
        var found = new List<Problem>();
        var bound = Parse(spec, found);
        spec.CheckKnownFields(Type, Fields, found);
        foreach (var problem in found)
            problems.Add(problem);
        return found.Count == 0 ? bound : null;
    }

    private RegisteredEvaluatorAssertion? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var name = spec.RequiredText("name", problems);
        double? min = spec.Args["min"] is null ? null : spec.RequiredNumber("min", problems);
        double? max = spec.Args["max"] is null ? null : spec.RequiredNumber("max", problems);
        if (min > max)
            problems.Add(new Problem(spec.Location, "max", $"found max {max} below min {min}, expected max ≥ min"));
        if (name is null)
            return null;
        if (!registry.TryGetEvaluator(name, out var registered))
        {
            problems.Add(new Problem(spec.Location, "name", $"found unknown evaluator '{name}', {NameSuggestion.Hint(name, registry.EvaluatorNames)}"));
            return null;
        }
        var metrics = registered.Evaluator.EvaluationMetricNames;
        string? metric;
        if (spec.Args["metric"] is null)
        {
            metric = metrics.Count == 1 ? metrics.First() : null;
            if (metric is null)
                problems.Add(new Problem(spec.Location, "metric", $"missing; '{name}' reports several metrics, expected one of: {string.Join(", ", metrics)}"));
        }
        else if ((metric = spec.RequiredText("metric", problems)) is not null && !metrics.Contains(metric))
        {
            problems.Add(new Problem(spec.Location, "metric", $"found unknown metric '{metric}' of '{name}', {NameSuggestion.Hint(metric, metrics.ToList())}"));
            metric = null;
        }
        return metric is null || problems.Count > 0 ? null : new RegisteredEvaluatorAssertion(spec.Location, registered, metric, min, max);
    }
}
