namespace AgentOps.Evals.Gating;

/// <summary>The <c>judge.min-agreement</c> rule: model-graded verdicts are trusted only when the judge agrees with human
/// labels (<c>expect-judge</c>) often enough; otherwise a gate that would pass is inconclusive.</summary>
internal static class JudgeTrust
{
    /// <summary>The rule name the finding carries in reports.</summary>
    public const string Rule = "min-judge-agreement";

    /// <summary>Adds the rule's finding to <paramref name="verdict"/>. <paramref name="agreement"/> is null when no labelled case could be judged.</summary>
    /// <param name="verdict">The gate's verdict before the judge is weighed.</param>
    /// <param name="minAgreement">The configured <c>judge.min-agreement</c> fraction.</param>
    /// <param name="agreement">The judge's measured agreement with the human labels.</param>
    /// <param name="judgedLabels">How many labelled cases the agreement was measured on.</param>
    /// <param name="modelGradedCases">Gated cases with a model-graded assertion; without any, the judge is not in play and nothing changes.</param>
    public static GateVerdict Apply(GateVerdict verdict, double minAgreement, double? agreement, int judgedLabels, IReadOnlyList<string> modelGradedCases)
    {
        if (modelGradedCases.Count == 0) return verdict;
        GateFinding finding;
        if (agreement is not { } a)
            finding = new(Rule, GateEvaluator.Overall, FindingSeverity.Inconclusive,
                $"{modelGradedCases.Count} gated case(s) are model-graded, but no human-labelled case (expect-judge) could be judged; label some cases and run calibrate",
                null, minAgreement, modelGradedCases);
        else if (a < minAgreement)
            finding = new(Rule, GateEvaluator.Overall, FindingSeverity.Inconclusive,
                $"the judge agrees with human labels on {Percent(a)} of {judgedLabels} labelled case(s), below {Percent(minAgreement)}: the model-graded results of {modelGradedCases.Count} case(s) are not trusted",
                a, minAgreement, modelGradedCases);
        else
            finding = new(Rule, GateEvaluator.Overall, FindingSeverity.Info,
                $"the judge agrees with human labels on {Percent(a)} of {judgedLabels} labelled case(s) (at least {Percent(minAgreement)})",
                a, minAgreement, []);

        var findings = verdict.Findings.Append(finding).OrderByDescending(f => f.Severity).ThenBy(f => f.Slice == GateEvaluator.Overall ? 0 : 1).ToList();
        // An untrusted judge cannot make a pass; a failure found by the deterministic rules stands.
        var outcome = verdict.Outcome == GateOutcome.Pass && finding.Severity == FindingSeverity.Inconclusive ? GateOutcome.Inconclusive : verdict.Outcome;
        return verdict with { Findings = findings, Outcome = outcome };
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
