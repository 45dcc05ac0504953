namespace AgentOps.Evals.Gating;

/// <summary>One rule's judgement on one slice: the figure, the threshold it was held to, and the cases behind it.</summary>
/// <param name="Rule">The config key of the rule, e.g. <c>max-pass-rate-drop</c>, or <c>infra-errors</c>, <c>case-coverage</c>.</param>
/// <param name="Slice"><c>all</c> for the whole paired set, else the slice's name (<c>locale:de-DE</c>, <c>suite:billing</c>).</param>
/// <param name="Severity">What the finding does to the verdict.</param>
/// <param name="Message">One line for the report saying what was measured against what.</param>
/// <param name="Figure">The measured value the rule compared, in the rule's unit (a fraction for rates, ms for latency).</param>
/// <param name="Threshold">The configured limit the figure was held to; null for findings without one.</param>
/// <param name="Cases">Case ids behind the figure, ordinal order.</param>
public sealed record GateFinding(
    string Rule,
    string Slice,
    FindingSeverity Severity,
    string Message,
    double? Figure,
    double? Threshold,
    IReadOnlyList<string> Cases)
{
    /// <summary>The rule's decision, estimate, bound and margin, and for an inconclusive decision what would decide it; null for plain notes.</summary>
    public RuleEvidence? Evidence { get; init; }
}
