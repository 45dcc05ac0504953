using System.Globalization;
using AgentOps.Evals.Running;
using Microsoft.Extensions.AI.Evaluation;

namespace AgentOps.Evals.Evaluation.Meai;

/// <summary>Turns one MEAI metric into our assertion result. An error diagnostic, a missing value or an inconclusive
/// rating is an infrastructure error of the trial: the evaluator could not decide, so the model neither passed nor failed.</summary>
internal static class MetricVerdict
{
    public static AssertionResult From(string type, EvaluationResult result, string metricName, double? min, double? max)
    {
        if (!result.Metrics.TryGetValue(metricName, out var metric))
            return Infra(type, $"the evaluator returned no metric '{metricName}' (it returned: {string.Join(", ", result.Metrics.Keys)})");
        if (metric.Diagnostics?.FirstOrDefault(d => d.Severity == EvaluationDiagnosticSeverity.Error) is { } error)
            return Infra(type, $"{metricName}: evaluator error: {error.Message}");
        if (metric.Interpretation?.Rating == EvaluationRating.Inconclusive)
            return Infra(type, $"{metricName}: rating inconclusive{Because(metric.Interpretation.Reason)}");

        var shown = $"{metricName}";
        var reason = Because(metric.Reason);
        double? score = null;
        bool passed;
        switch (metric)
        {
            case NumericMetric { Value: null }:
            case BooleanMetric { Value: null }:
                return Infra(type, $"{metricName}: the evaluator returned no value{reason}");
            case NumericMetric numeric when min is not null || max is not null:
                score = numeric.Value!.Value;
                passed = (min is null || score >= min) && (max is null || score <= max);
                shown = $"{metricName} {Format(score.Value)} {(passed ? "within" : "outside")} {Bounds(min, max)}";
                break;
            case NumericMetric numeric:
                score = numeric.Value!.Value;
                if (metric.Interpretation is not { } numericInterpretation)
                    return Infra(type, $"{metricName} {Format(score.Value)}: no min/max in the case and no interpretation from the evaluator to decide pass or fail");
                passed = !numericInterpretation.Failed;
                shown = $"{metricName} {Format(score.Value)} rated {numericInterpretation.Rating}";
                break;
            case BooleanMetric boolean when min is not null || max is not null:
                return Infra(type, $"{metricName} is a yes/no metric ({boolean.Value}); min/max apply to numeric metrics only");
            case BooleanMetric boolean:
                passed = metric.Interpretation is { } booleanInterpretation ? !booleanInterpretation.Failed : boolean.Value!.Value;
                score = boolean.Value!.Value ? 1 : 0;
                shown = $"{metricName} {(boolean.Value!.Value ? "yes" : "no")}{(metric.Interpretation is { } i ? $" rated {i.Rating}" : "")}";
                break;
            default:
                if (metric.Interpretation is not { } interpretation)
                    return Infra(type, $"{metricName}: a {metric.GetType().Name} without an interpretation cannot pass or fail");
                passed = !interpretation.Failed;
                shown = $"{metricName} rated {interpretation.Rating}";
                break;
        }
        return new AssertionResult(type, passed, shown + reason, score);
    }

    private static AssertionResult Infra(string type, string reason) => new(type, false, reason, InfraError: true);

    private static string Because(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : ": " + Excerpt.Of(reason, 300);

    private static string Bounds(double? min, double? max) =>
        (min, max) switch
        {
            ({ } lo, { } hi) => $"[{Format(lo)}, {Format(hi)}]",
            ({ } lo, null) => $"min {Format(lo)}",
            (null, { } hi) => $"max {Format(hi)}",
            _ => "",
        };

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
