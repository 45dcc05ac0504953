using System.Globalization;
using AgentOps.Evals.Running;
using Microsoft.Extensions.AI.Evaluation;

namespace AgentOps.Evals.Evaluation.Meai;

/// <summary>Turns an MEAI metric into our assertion result, the metric kept beside it. An error diagnostic, a missing value
/// or an inconclusive rating is an infrastructure error of the trial: the evaluator could not decide, so the model neither
/// passed nor failed. <see cref="Own"/> reads one of our assertions' metrics; <see cref="From"/> a registered evaluator's.</summary>
internal static class MetricVerdict
{
    /// <summary>An assertion's own metric (<see cref="AssertionEvaluator"/>): its value, reason and score, verbatim.</summary>
    public static AssertionResult Own(string type, EvaluationResult result)
    {
        if (!result.Metrics.TryGetValue(type, out var metric))
            return Infra(type, $"the evaluator returned no metric '{type}' (it returned: {string.Join(", ", result.Metrics.Keys)})", null);
        var stored = EvaluatorMetric.From(metric);
        if (Undecided(metric) is { } why)
            return Infra(type, why.Error ?? $"{type}: {why.Text}", stored);
        if (metric is not BooleanMetric { Value: { } passed })
            return Infra(type, $"{type}: expected a yes/no metric, found a {metric.GetType().Name}", stored);
        var score = metric.Metadata?.TryGetValue(AssertionEvaluator.ScoreMetadataKey, out var text) == true
            ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
            : (double?)null;
        return new AssertionResult(type, passed, metric.Reason ?? "", score) { Metric = stored };
    }

    /// <summary>A registered evaluator's metric: a numeric one against min/max, otherwise the evaluator's own interpretation.</summary>
    public static AssertionResult From(string type, EvaluationResult result, string metricName, double? min, double? max)
    {
        if (!result.Metrics.TryGetValue(metricName, out var metric))
            return Infra(type, $"the evaluator returned no metric '{metricName}' (it returned: {string.Join(", ", result.Metrics.Keys)})", null);
        var stored = EvaluatorMetric.From(metric);
        if (Undecided(metric) is { } why)
            return Infra(type, why.Error is { } error ? $"{metricName}: evaluator error: {error}" : $"{metricName}: {why.Text}", stored);

        var shown = $"{metricName}";
        var reason = Because(metric.Reason);
        double? score = null;
        bool passed;
        switch (metric)
        {
            case NumericMetric numeric when min is not null || max is not null:
                score = numeric.Value!.Value;
                passed = (min is null || score >= min) && (max is null || score <= max);
                shown = $"{metricName} {Format(score.Value)} {(passed ? "within" : "outside")} {Bounds(min, max)}";
                break;
            case NumericMetric numeric:
                score = numeric.Value!.Value;
                if (metric.Interpretation is not { } numericInterpretation)
                    return Infra(type, $"{metricName} {Format(score.Value)}: no min/max in the case and no interpretation from the evaluator to decide pass or fail", stored);
                passed = !numericInterpretation.Failed;
                shown = $"{metricName} {Format(score.Value)} rated {numericInterpretation.Rating}";
                break;
            case BooleanMetric boolean when min is not null || max is not null:
                return Infra(type, $"{metricName} is a yes/no metric ({boolean.Value}); min/max apply to numeric metrics only", stored);
            case BooleanMetric boolean:
                passed = metric.Interpretation is { } booleanInterpretation ? !booleanInterpretation.Failed : boolean.Value!.Value;
                score = boolean.Value!.Value ? 1 : 0;
                shown = $"{metricName} {(boolean.Value!.Value ? "yes" : "no")}{(metric.Interpretation is { } i ? $" rated {i.Rating}" : "")}";
                break;
            default:
                if (metric.Interpretation is not { } interpretation)
                    return Infra(type, $"{metricName}: a {metric.GetType().Name} without an interpretation cannot pass or fail", stored);
                passed = !interpretation.Failed;
                shown = $"{metricName} rated {interpretation.Rating}";
                break;
        }
        return new AssertionResult(type, passed, shown + reason, score) { Metric = stored };
    }

    /// <summary>Why the metric cannot decide (an error diagnostic's message, or a description), or null when it can.</summary>
    private static (string? Error, string Text)? Undecided(EvaluationMetric metric)
    {
        if (metric.Diagnostics?.FirstOrDefault(d => d.Severity == EvaluationDiagnosticSeverity.Error) is { } error)
            return (error.Message, "evaluator error: " + error.Message);
        if (metric.Interpretation?.Rating == EvaluationRating.Inconclusive)
            return (null, $"rating inconclusive{Because(metric.Interpretation.Reason)}");
        if (metric is NumericMetric { Value: null } or BooleanMetric { Value: null })
            return (null, $"the evaluator returned no value{Because(metric.Reason)}");
        return null;
    }

    private static AssertionResult Infra(string type, string reason, EvaluatorMetric? metric) => new(type, false, reason, InfraError: true) { Metric = metric };

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
