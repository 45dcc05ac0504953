using Microsoft.Extensions.AI.Evaluation;

namespace AgentOps.Evals.Evaluation.Meai;

/// <summary>The MEAI metric an assertion's verdict was read from, as stored with the assertion and shown in reports:
/// name, value (one of the three typed values, by kind), rating, reason, diagnostics and metadata.</summary>
/// <param name="Name">The metric's name, e.g. <c>Relevance</c>, or the assertion type for a built-in assertion.</param>
/// <param name="Kind"><c>numeric</c>, <c>boolean</c>, <c>string</c>, or the metric's class name for any other kind.</param>
public sealed record EvaluatorMetric(string Name, string Kind)
{
    /// <summary>A <see cref="NumericMetric"/>'s value.</summary>
    public double? NumericValue { get; init; }

    /// <summary>A <see cref="BooleanMetric"/>'s value.</summary>
    public bool? BooleanValue { get; init; }

    /// <summary>A <see cref="StringMetric"/>'s value.</summary>
    public string? StringValue { get; init; }

    /// <summary>The interpretation's rating (<see cref="EvaluationRating"/> name), or null when the evaluator gave none.</summary>
    public string? Rating { get; init; }

    /// <summary>Whether the interpretation called the value a failure; null without an interpretation.</summary>
    public bool? Failed { get; init; }

    /// <summary>Why the interpretation rated it so.</summary>
    public string? RatingReason { get; init; }

    /// <summary>The evaluator's reason for the value.</summary>
    public string? Reason { get; init; }

    /// <summary>Every diagnostic the evaluator attached (an error one makes the assertion an infrastructure error).</summary>
    public IReadOnlyList<EvaluatorMetricDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>The metric's metadata (model used, token counts, duration, a built-in's <c>score</c>, …), sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Equal when every field is, diagnostics in order and metadata by key (not the collections' identity), so
    /// a metric read back from the store equals the one written.</summary>
    public bool Equals(EvaluatorMetric? other) =>
        other is not null
        && (Name, Kind, NumericValue, BooleanValue, StringValue, Rating, Failed, RatingReason, Reason)
            == (other.Name, other.Kind, other.NumericValue, other.BooleanValue, other.StringValue, other.Rating, other.Failed, other.RatingReason, other.Reason)
        && Diagnostics.SequenceEqual(other.Diagnostics)
        && Metadata.Count == other.Metadata.Count
        && Metadata.All(entry => other.Metadata.TryGetValue(entry.Key, out var value) && value == entry.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Kind, NumericValue, BooleanValue, StringValue, Rating, Reason);

    /// <summary>What is kept of <paramref name="metric"/>.</summary>
    public static EvaluatorMetric From(EvaluationMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var stored = metric switch
        {
            NumericMetric n => new EvaluatorMetric(metric.Name, "numeric") { NumericValue = n.Value },
            BooleanMetric b => new EvaluatorMetric(metric.Name, "boolean") { BooleanValue = b.Value },
            StringMetric s => new EvaluatorMetric(metric.Name, "string") { StringValue = s.Value },
            _ => new EvaluatorMetric(metric.Name, metric.GetType().Name),
        };
        return stored with
        {
            Rating = metric.Interpretation?.Rating.ToString(),
            Failed = metric.Interpretation?.Failed,
            RatingReason = metric.Interpretation?.Reason,
            Reason = metric.Reason,
            Diagnostics = [.. (metric.Diagnostics ?? []).Select(d => new EvaluatorMetricDiagnostic(d.Severity.ToString(), d.Message))],
            Metadata = new SortedDictionary<string, string>(metric.Metadata ?? new Dictionary<string, string>(), StringComparer.Ordinal),
        };
    }
}

/// <summary>One diagnostic of a stored metric: severity (<c>Informational</c>, <c>Warning</c>, <c>Error</c>) and message.</summary>
public sealed record EvaluatorMetricDiagnostic(string Severity, string Message);
