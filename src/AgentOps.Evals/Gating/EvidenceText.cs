namespace AgentOps.Evals.Gating;

/// <summary>One line explaining a rule's decision (decision, estimate, bound, margin, what would decide), the same in every report format.</summary>
public static class EvidenceText
{
    /// <summary>E.g. <c>pass: estimate 0.7%, upper 95.0% bound 2.1% &lt; margin 5.0%</c>; empty for a finding without evidence.</summary>
    /// <param name="finding">The finding whose statistical evidence is described.</param>
    /// <param name="withWouldDecide">False where the finding's message, shown beside it, already says what would decide.</param>
    public static string Describe(GateFinding finding, bool withWouldDecide = true)
    {
        if (finding.Evidence is not { } e) return "";
        var parts = new List<string>();
        var unit = finding.Rule is "max-pass-rate-drop" or "min-pass-rate" or "min-consistency";
        string Value(double v) => unit ? FigureText.Percent(v) : FigureText.Number(v);
        if (e.Estimate is { } estimate) parts.Add($"estimate {Value(estimate)}");
        if (e.Bound is { } bound) parts.Add($"{e.BoundKind ?? "bound"} {Value(bound)}");
        else if (e.BoundKind is { } kind) parts.Add(kind);
        if (e.Margin is { } margin) parts.Add($"margin {Value(margin)}");
        var text = e.Decision.ToString().ToLowerInvariant() + (parts.Count > 0 ? ": " + string.Join(", ", parts) : "");
        return withWouldDecide && e.WouldDecide is { } would ? $"{text}; would decide: {would}" : text;
    }
}
