using System.Globalization;

namespace AgentOps.Evals.Shadowing;

/// <summary>How every shadow format prints a figure, so the console, Markdown and HTML show the same digits.</summary>
public static class ShadowText
{
    /// <summary><paramref name="value"/> in invariant culture with <paramref name="format"/>; <c>n/a</c> for null, NaN or infinity.</summary>
    public static string Figure(double? value, string format = "0.###") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A dollar amount with up to six decimals, e.g. <c>$0.0042</c>.</summary>
    public static string Usd(decimal value) => "$" + value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with one decimal, e.g. <c>12.5%</c>; <c>n/a</c> for null or non-finite.</summary>
    public static string Percent(double? value) => value is { } v && double.IsFinite(v) ? (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>A rule's figure in its unit: ratios as ×, divergence as a number, rates as percentages.</summary>
    public static string RuleFigure(string rule, double? value) => rule switch
    {
        "max-cost-ratio" or "max-p95-latency-ratio" => Figure(value, "0.00") + "×",
        "min-judge-win-rate" or "max-judge-loss-rate" => Percent(value),
        "min-rubric-score-delta" => Figure(value, "+0.00;-0.00;0.00"),
        _ => Figure(value, "0.000"),
    };

    /// <summary>One line per rule decision: what was estimated, the bound, the limit.</summary>
    public static string Check(ShadowRuleCheck c) =>
        $"{c.Rule}: {RuleFigure(c.Rule, c.Estimate)} [{RuleFigure(c.Rule, c.Lower)}, {RuleFigure(c.Rule, c.Upper)}] vs {RuleFigure(c.Rule, c.Limit)} on {c.Inputs} input(s)";

    /// <summary>The mark on an input whose tool calls got no recorded production result.</summary>
    public static string Unrecorded(UnrecordedToolCalls u, string baseline, string candidate) =>
        $"no recorded production result for {string.Join(", ", u.Tools)}: answered with a marked error or as an unknown tool in "
        + string.Join(" and ", new[] { (baseline, u.BaselineTrials), (candidate, u.CandidateTrials) }.Where(s => s.Item2 > 0).Select(s => $"{s.Item2} {s.Item1} trial(s)"));

    /// <summary>Both sides' mean rubric scores, or empty without a rubric.</summary>
    public static string Rubric(ShadowReport report) => report.BaselineRubricMean is null && report.CandidateRubricMean is null ? ""
        : $"Rubric score (1-5, mean over inputs): {report.Baseline} {Figure(report.BaselineRubricMean, "0.00")}, {report.Candidate} {Figure(report.CandidateRubricMean, "0.00")}";

    /// <summary>The calls as <c>name(args)</c> joined by <c>; </c>, a failed call marked ✗; <c>(no tool calls)</c> when empty.</summary>
    public static string ToolCalls(IReadOnlyList<Running.ToolCallRecord> calls) =>
        calls.Count == 0 ? "(no tool calls)" : string.Join("; ", calls.Select(c => $"{c.Name}({c.ArgumentsJson}){(c.Error is null ? "" : " ✗")}"));
}
