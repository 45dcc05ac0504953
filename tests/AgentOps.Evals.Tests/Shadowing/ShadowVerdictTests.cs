using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Shadowing;

namespace AgentOps.Evals.Tests.Shadowing;

public sealed class ShadowVerdictTests
{
    private static readonly ShadowOptions CostOnly = new() { MaxCostRatio = 1.5, MaxP95LatencyRatio = null, MaxDivergence = null, MaxJudgeLossRate = null, Slices = ["tier"] };

    private static List<InputComparison> Inputs(int n, Func<int, decimal> candidateCost, Func<int, string>? tier = null) =>
        Enumerable.Range(0, n).Select(i => ShadowFixtures.Compare($"c{i}", ["same"], ["same"], tier?.Invoke(i) ?? "pro",
            baseCost: 0.001m * (1 + i % 3), candCost: 0.001m * (1 + i % 3) * candidateCost(i))).ToList();

    [Fact]
    public void Cost_that_doubled_on_every_input_fails_and_exits_1()
    {
        var verdict = ShadowEvaluator.Evaluate(Inputs(20, i => 2.0m + (i % 4) * 0.05m), CostOnly, judged: false);
        Assert.Equal(GateOutcome.Fail, verdict.Outcome);
        Assert.Equal(1, (int)verdict.Outcome);
        var all = verdict.Slices.Single(s => s.Slice == "all").Checks.Single();
        Assert.True(all.Lower > 1.5, $"lower bound {all.Lower}");
    }

    [Fact]
    public void Cost_that_stayed_flat_passes_on_its_upper_bound()
    {
        var verdict = ShadowEvaluator.Evaluate(Inputs(20, i => 0.95m + (i % 4) * 0.03m), CostOnly, judged: false);
        Assert.Equal(GateOutcome.Pass, verdict.Outcome);
        Assert.All(verdict.Slices.SelectMany(s => s.Checks), c => Assert.True(c.Upper <= 1.5));
    }

    [Fact]
    public void Two_noisy_inputs_near_the_limit_are_inconclusive_and_say_what_would_decide()
    {
        var verdict = ShadowEvaluator.Evaluate(Inputs(2, i => i == 0 ? 1.1m : 2.1m), CostOnly, judged: false);
        Assert.Equal(GateOutcome.Inconclusive, verdict.Outcome);
        Assert.Equal(3, (int)verdict.Outcome);
        Assert.Contains("--sample", verdict.Slices[0].Checks[0].WouldDecide);
    }

    [Fact]
    public void A_regression_in_one_small_slice_fails_that_slice_after_holm_while_the_others_pass()
    {
        // 30 pro inputs at 1.0×, 8 enterprise inputs at ~3×: the aggregate hides nothing because the slice is gated on its own.
        var inputs = Inputs(38, i => i < 30 ? 1.0m + (i % 3) * 0.02m : 3.0m + (i % 2) * 0.1m, i => i < 30 ? "pro" : "enterprise");
        var verdict = ShadowEvaluator.Evaluate(inputs, CostOnly, judged: false);
        var enterprise = verdict.Slices.Single(s => s.Slice == "tier:enterprise");
        var pro = verdict.Slices.Single(s => s.Slice == "tier:pro");
        Assert.Equal(GateOutcome.Fail, enterprise.Outcome);
        Assert.Equal(GateOutcome.Pass, pro.Outcome);
        Assert.Equal(GateOutcome.Fail, verdict.Outcome);
        var check = enterprise.Checks.Single();
        Assert.True(check.AdjustedPValue >= check.PValue, "Holm never lowers a p-value");
    }

    [Fact]
    public void Judge_loss_rate_fails_on_many_losses_and_is_checked_only_with_a_judge()
    {
        var options = new ShadowOptions { MaxCostRatio = null, MaxP95LatencyRatio = null, MaxDivergence = null, MaxJudgeLossRate = 0.2, Slices = [] };
        var inputs = Enumerable.Range(0, 20).Select(i => ShadowFixtures.Compare($"c{i}", ["a"], ["b"],
            judge: i < 14 ? PairwiseJudgement.From(1, 5, "baseline better", "baseline better") : PairwiseJudgement.From(3, 3, "tie", "tie"))).ToList();
        var verdict = ShadowEvaluator.Evaluate(inputs, options, judged: true);
        Assert.Equal(GateOutcome.Fail, verdict.Outcome);
        Assert.Equal(14, verdict.Slices[0].Judge!.Losses);
        var without = ShadowEvaluator.Evaluate(inputs, options, judged: false);
        Assert.Equal(GateOutcome.Pass, without.Outcome);
        Assert.Contains("max-judge-loss-rate (no judge)", without.RulesOff);
    }

    [Fact]
    public void Min_judge_win_rate_passes_on_its_lower_bound()
    {
        var options = new ShadowOptions { MaxCostRatio = null, MaxP95LatencyRatio = null, MaxDivergence = null, MaxJudgeLossRate = null, MinJudgeWinRate = 0.3, Slices = [] };
        var inputs = Enumerable.Range(0, 30).Select(i => ShadowFixtures.Compare($"c{i}", ["a"], ["b"],
            judge: i < 27 ? PairwiseJudgement.From(5, 1, "candidate better", "candidate better") : PairwiseJudgement.From(3, 3, "", ""))).ToList();
        var verdict = ShadowEvaluator.Evaluate(inputs, options, judged: true);
        Assert.Equal(GateOutcome.Pass, verdict.Outcome);
        Assert.True(verdict.Slices[0].Checks.Single().Lower >= 0.3);
    }
}
