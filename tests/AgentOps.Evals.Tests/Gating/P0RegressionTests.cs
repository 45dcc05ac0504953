using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Running;
using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Tests.Gating;

/// <summary>P0 cases: exact per-case tests, adjusted only over the P0 cases that could show a regression, and extra trials first.</summary>
public sealed class P0RegressionTests
{
    private static readonly GateOptions Options = new() { MinPassRate = null, MinConsistency = null, MaxCostRatio = null, MaxPassRateDrop = null };

    private static List<FakeCase> Set(int p0Cases) =>
        Enumerable.Range(0, 40).Select(i => new FakeCase($"c{i:00}", 1.0, Severity: i < p0Cases ? "P0" : "P2")).ToList();

    private static List<TrialResult> Failing(IReadOnlyList<TrialResult> trials, string caseId, params int[] indices) =>
        trials.Select(t => t.CaseId == caseId && indices.Contains(t.TrialIndex) ? t with { Outcome = TrialOutcome.Failed, Assertions = [] } : t).ToList();

    [Fact]
    public void Steady_P0_cases_do_not_dilute_the_one_that_flipped()
    {
        // 20 P0 cases, 19 at 3/3 on both sides (they can never show a regression), one 3/3 → 0/3 (Fisher p = 0.05).
        var set = Set(20);
        var (baseRun, baseTrials) = NoisyRuns.Generate("base", "prod", set, 3, new Random(1));
        var (candRun, candTrials) = NoisyRuns.Generate("cand", "next", set, 3, new Random(2));

        var verdict = GateEvaluator.Evaluate(new GateInput(baseRun, baseTrials, candRun, Failing(candTrials, "c00", 0, 1, 2), Options));

        var fail = Assert.Single(verdict.Findings, f => f.Rule == "p0-regressions" && f.Severity == FindingSeverity.Fail);
        Assert.Contains("c00 (3/3 → 0/3, adjusted p = 0.05)", fail.Message, StringComparison.Ordinal);
        Assert.Contains("Bonferroni over the 1 P0 case(s)", fail.Evidence!.BoundKind, StringComparison.Ordinal);
        Assert.Equal(GateOutcome.Fail, verdict.Outcome);
    }

    [Fact]
    public void Two_P0_cases_that_could_each_flip_share_alpha()
    {
        // Two flips at p = 0.05 each: with one look at α = 0.05 neither alone is shown (Bonferroni over 2); the
        // flips block a pass (the candidate never passed them) and ask for extra trials on both.
        var set = Set(20);
        var (baseRun, baseTrials) = NoisyRuns.Generate("base", "prod", set, 3, new Random(1));
        var (candRun, candTrials) = NoisyRuns.Generate("cand", "next", set, 3, new Random(2));
        var broken = Failing(Failing(candTrials, "c00", 0, 1, 2), "c01", 0, 1, 2);

        var verdict = GateEvaluator.Evaluate(new GateInput(baseRun, baseTrials, candRun, broken, Options));

        var unsure = Assert.Single(verdict.Findings, f => f.Rule == "p0-regressions");
        Assert.Equal(FindingSeverity.Inconclusive, unsure.Severity);
        Assert.Equal(["c00", "c01"], unsure.Cases);
        Assert.Equal(GateOutcome.Inconclusive, verdict.Outcome);
    }

    [Fact]
    public async Task A_P0_case_that_passed_less_often_without_a_flip_gets_3k_extra_trials_and_fails_on_them()
    {
        // c00 went 3/3 → 2/3: no flip, nothing shown, the drop rule is off, so without extra trials the gate would pass.
        var set = Set(5);
        var (baseRun, baseTrials) = NoisyRuns.Generate("base", "prod", set, 3, new Random(1));
        var (candRun, candTrials) = NoisyRuns.Generate("cand", "next", set, 3, new Random(2));
        var input = new GateInput(baseRun, baseTrials, candRun, Failing(candTrials, "c00", 0), Options);
        Assert.Equal(GateOutcome.Pass, GateEvaluator.Evaluate(input).Outcome);
        var asked = new List<ExtraTrialRequest>();

        var verdict = await SequentialGate.EvaluateAsync(input, (requests, _) =>
        {
            asked.AddRange(requests);
            // The extra trials show what c00 really does now: the baseline passes, the candidate fails.
            IReadOnlyList<TrialResult> results = requests.SelectMany(r => Enumerable.Range(r.FirstTrialIndex, r.Trials).Select(i => new TrialResult
            {
                RunId = r.RunId, CaseId = r.CaseId, TrialIndex = i,
                Outcome = r.Side == "candidate" && r.CaseId == "c00" ? TrialOutcome.Failed : TrialOutcome.Passed,
            })).ToList();
            return Task.FromResult(results);
        }, CancellationToken.None);

        Assert.Equal(9, asked.Where(r => r.CaseId == "c00" && r.Side == "candidate").Sum(r => r.Trials));
        Assert.Equal(9, asked.Where(r => r.CaseId == "c00" && r.Side == "baseline").Sum(r => r.Trials));
        var fail = Assert.Single(verdict.Findings, f => f.Rule == "p0-regressions" && f.Severity == FindingSeverity.Fail);
        Assert.Contains("c00 (12/12 → 2/12", fail.Message, StringComparison.Ordinal);
        Assert.Equal(GateOutcome.Fail, verdict.Outcome);
        Assert.Contains("1 P0 case(s) a P0 rule left undecided (c00)", verdict.ExtraTrialNote, StringComparison.Ordinal);
        Assert.Contains("α = 0.01 spent at the base look, 0.04 after the extra trials", verdict.ExtraTrialNote, StringComparison.Ordinal);
    }

    [Fact]
    public void The_P0_test_after_extra_trials_combines_the_stages_instead_of_pooling_them()
    {
        // Base stage 3/3 → 0/3 (p₁ = 0.05), extra stage 9/9 → 9/9 (p₂ = 1): pooled, 12/12 → 9/12 would give Fisher
        // p ≈ 0.11; combined, the extra stage that showed nothing outweighs the base stage that picked the case.
        var c = new CaseComparison("c", "", "s", "P0", [], "", 12, 12, 0, 9, 12, 0, CaseFlip.None, true,
            OutputAgreement.Compute([]), null, null, [])
        { ExtraCounts = new CaseCounts(9, 9, 9, 9) };

        var p = P0RegressionsRule.PValue(c);

        Assert.Equal(InverseNormalCombination.Combine(0.05, 1), p, 12);
        Assert.True(p > 0.5, $"p = {p}");
    }
}
