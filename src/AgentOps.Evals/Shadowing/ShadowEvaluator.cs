using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Statistics;
using MathNet.Numerics.Distributions;

namespace AgentOps.Evals.Shadowing;

/// <summary>
/// Judges the shadow rules with the gate's discipline: each rule on each slice is PASS when its bound clears the limit,
/// FAIL when the p-value of "the limit holds" is at most α after Holm over the slices (the <c>all</c> slice at α), and
/// INCONCLUSIVE otherwise, saying what would decide it. The worst decision of any rule on any slice is the verdict.
/// </summary>
internal static class ShadowEvaluator
{
    /// <summary>The slice name of the whole sample.</summary>
    public const string All = "all";

    /// <summary>The verdict over <paramref name="comparisons"/>: every enabled rule on the whole sample and each slice.</summary>
    /// <param name="comparisons">Every sampled input's comparison.</param>
    /// <param name="options">The <c>shadow:</c> rules, limits, slices and α.</param>
    /// <param name="judged">The pairwise judge ran (else its win/loss rules are off).</param>
    /// <param name="rubricScored">The judge scored the answers against <c>shadow.rubric</c> (else min-rubric-score-delta is off).</param>
    public static ShadowVerdict Evaluate(IReadOnlyList<InputComparison> comparisons, ShadowOptions options, bool judged, bool rubricScored = false)
    {
        var alpha = options.Alpha;
        var slices = Slices(comparisons, options.Slices);
        var off = new List<string>();
        var checks = slices.ToDictionary(s => s.Name, _ => new List<ShadowRuleCheck>(), StringComparer.Ordinal);
        void Rule(string name, double? limit, Func<IReadOnlyList<InputComparison>, double, ShadowRuleCheck?> check)
        {
            if (limit is not { } l) { off.Add(name); return; }
            var raw = slices.Select(s => (s.Name, Check: check(s.Inputs, l))).Where(x => x.Check is not null).ToList();
            var sliceRows = raw.Where(r => r.Name != All).ToList();
            var adjusted = HolmAdjustment.Adjust(sliceRows.Select(r => r.Check!.PValue).ToList());
            for (var i = 0; i < raw.Count; i++)
            {
                var row = raw[i].Check!;
                var p = raw[i].Name == All ? row.PValue : adjusted[sliceRows.FindIndex(r => r.Name == raw[i].Name)];
                checks[raw[i].Name].Add(Decide(row with { Slice = raw[i].Name, AdjustedPValue = p }, alpha));
            }
        }

        Rule("max-cost-ratio", options.MaxCostRatio, (inputs, l) => Ratio("max-cost-ratio", inputs, c => c.CostRatio, l, alpha));
        Rule("max-p95-latency-ratio", options.MaxP95LatencyRatio, (inputs, l) => Ratio("max-p95-latency-ratio", inputs, c => c.P95LatencyRatio, l, alpha));
        Rule("max-divergence", options.MaxDivergence, (inputs, l) => Divergence(inputs, l, alpha));
        if (judged)
        {
            Rule("min-judge-win-rate", options.MinJudgeWinRate, (inputs, l) => WinRate(inputs, l, alpha));
            Rule("max-judge-loss-rate", options.MaxJudgeLossRate, (inputs, l) => LossRate(inputs, l, alpha));
        }
        else off.AddRange(new[] { ("min-judge-win-rate", options.MinJudgeWinRate), ("max-judge-loss-rate", options.MaxJudgeLossRate) }
            .Where(r => r.Item2 is not null).Select(r => r.Item1 + " (no judge)"));
        if (rubricScored) Rule("min-rubric-score-delta", options.MinRubricScoreDelta, (inputs, l) => RubricDelta(inputs, l, alpha));
        else if (options.MinRubricScoreDelta is not null) off.Add("min-rubric-score-delta (" + (options.Rubric is null ? "no shadow.rubric" : "no judge") + ")");

        var verdicts = slices.Select(s => new ShadowSliceVerdict(s.Name, s.Inputs.Count, Worst(checks[s.Name].Select(c => c.Decision)), checks[s.Name],
            judged ? JudgeTally.Of(s.Inputs.Select(i => i.Judgement).OfType<PairwiseJudgement>(), 1 - 2 * alpha) : null)).ToList();
        return new ShadowVerdict(Worst(verdicts.Select(v => v.Outcome)), verdicts, alpha, off);
    }

    /// <summary>The <c>all</c> slice, then one slice per value of each slicing attribute, in name order.</summary>
    internal static List<(string Name, IReadOnlyList<InputComparison> Inputs)> Slices(IReadOnlyList<InputComparison> comparisons, IReadOnlyList<string> attributes)
    {
        var compared = comparisons.Where(c => c.Compared).ToList();
        var slices = new List<(string, IReadOnlyList<InputComparison>)> { (All, compared) };
        foreach (var attribute in attributes)
            foreach (var group in compared.Where(c => c.Input.Slices.ContainsKey(attribute)).GroupBy(c => c.Input.Slices[attribute]).OrderBy(g => g.Key, StringComparer.Ordinal))
                slices.Add(($"{attribute}:{group.Key}", group.ToList()));
        return slices;
    }

    private static GateOutcome Worst(IEnumerable<GateOutcome> outcomes)
    {
        var list = outcomes.ToList();
        return list.Contains(GateOutcome.Fail) ? GateOutcome.Fail : list.Contains(GateOutcome.Inconclusive) ? GateOutcome.Inconclusive : GateOutcome.Pass;
    }

    private static ShadowRuleCheck Decide(ShadowRuleCheck check, double alpha)
    {
        var atLeast = check.Rule.StartsWith("min-", StringComparison.Ordinal);
        var clears = atLeast ? check.Lower >= check.Limit : check.Upper <= check.Limit;
        if (check.Inputs >= 2 && clears) return check with { Decision = GateOutcome.Pass, WouldDecide = null };
        if (check.Inputs >= 2 && check.AdjustedPValue <= alpha) return check with { Decision = GateOutcome.Fail, WouldDecide = null };
        var why = check.Inputs < 2
            ? $"{check.Inputs} input(s) with a figure; needs at least 2 (a larger --sample, or more sessions in this slice)"
            : $"the {(atLeast ? "lower" : "upper")} bound {Fmt(atLeast ? check.Lower : check.Upper)} does not clear {Fmt(check.Limit)} and the breach is not significant (adjusted p = {check.AdjustedPValue:0.###}); more inputs (--sample) or trials (-k) narrow it";
        return check with { Decision = GateOutcome.Inconclusive, WouldDecide = why };
    }

    private static string Fmt(double? value) => value is { } v ? v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "n/a";

    /// <summary>Ratios are judged on the mean log ratio over inputs (the geometric mean ratio): a 2× and a 0.5× input cancel, as they should.</summary>
    private static ShadowRuleCheck Ratio(string rule, IReadOnlyList<InputComparison> inputs, Func<InputComparison, double?> ratio, double limit, double alpha)
    {
        var logs = inputs.Select(ratio).OfType<double>().Select(r => Math.Log(r)).ToList();
        var bound = PairedMeanBound.Of(logs, alpha);
        return new ShadowRuleCheck(rule, "", bound.Inputs, Exp(bound.Mean), Exp(bound.Lower), Exp(bound.Upper), limit,
            bound.PAbove(Math.Log(limit)), 1, GateOutcome.Inconclusive, null);
    }

    private static double? Exp(double value) => double.IsNaN(value) ? null : Math.Exp(value);

    private static double? Value(double value) => double.IsNaN(value) ? null : value;

    private static ShadowRuleCheck Divergence(IReadOnlyList<InputComparison> inputs, double limit, double alpha)
    {
        var excess = inputs.Select(c => c.Output.Excess).Where(e => !double.IsNaN(e)).ToList();
        var bound = PairedMeanBound.Of(excess, alpha);
        return new ShadowRuleCheck("max-divergence", "", bound.Inputs, Value(bound.Mean), Value(bound.Lower), Value(bound.Upper), limit,
            bound.PAbove(limit), 1, GateOutcome.Inconclusive, null);
    }

    /// <summary>Candidate − baseline mean rubric score per input, t bounds over inputs; the limit holds when the lower bound is at least it.</summary>
    private static ShadowRuleCheck RubricDelta(IReadOnlyList<InputComparison> inputs, double limit, double alpha)
    {
        var deltas = inputs.Select(c => c.RubricDelta).OfType<double>().ToList();
        var bound = PairedMeanBound.Of(deltas, alpha);
        return new ShadowRuleCheck("min-rubric-score-delta", "", bound.Inputs, Value(bound.Mean), Value(bound.Lower), Value(bound.Upper), limit,
            bound.PBelow(limit), 1, GateOutcome.Inconclusive, null);
    }

    private static ShadowRuleCheck WinRate(IReadOnlyList<InputComparison> inputs, double limit, double alpha)
    {
        var tally = JudgeTally.Of(inputs.Select(i => i.Judgement).OfType<PairwiseJudgement>(), 1 - 2 * alpha);
        // Exact binomial: P(wins this few or fewer | the true win rate is the limit).
        var p = tally.Judged == 0 ? 1 : Binomial.CDF(limit, tally.Judged, tally.Wins);
        return new ShadowRuleCheck("min-judge-win-rate", "", tally.Judged, Value(tally.WinRate.Estimate), tally.WinRate.Lower, tally.WinRate.Upper, limit, p, 1, GateOutcome.Inconclusive, null);
    }

    private static ShadowRuleCheck LossRate(IReadOnlyList<InputComparison> inputs, double limit, double alpha)
    {
        var tally = JudgeTally.Of(inputs.Select(i => i.Judgement).OfType<PairwiseJudgement>(), 1 - 2 * alpha);
        // Exact binomial: P(this many losses or more | the true loss rate is the limit).
        var p = tally.Judged == 0 || tally.Losses == 0 ? 1 : 1 - Binomial.CDF(limit, tally.Judged, tally.Losses - 1);
        return new ShadowRuleCheck("max-judge-loss-rate", "", tally.Judged, Value(tally.LossRate.Estimate), tally.LossRate.Lower, tally.LossRate.Upper, limit, p, 1, GateOutcome.Inconclusive, null);
    }
}
