using AgentOps.Evals.Config;
using AgentOps.Evals.GateSim;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.Gating;

/// <summary>
/// Issue 12's targets (margin 0.05, slices on, k=3) on fixed seeds of the bench/gate-sim simulator, judged by
/// the sequential gate (extra trials within 1× the base calls). The full table, with more seeds and the
/// held-out mixture family, is in bench/README.md.
/// </summary>
public sealed class GateSimulationTrustTests
{
    private const int Seeds = 20;

    private static List<(GateVerdict Base, GateVerdict Sequential, int Calls)> Runs(
        Scenario scenario, int cases, MixtureFamily family = MixtureFamily.Tuned, int seeds = Seeds, int history = 0) =>
        Enumerable.Range(0, seeds).Select(seed => GateSimulation.Run(family, scenario, cases, 3, seed, history)).ToList();

    private static int Count(List<(GateVerdict Base, GateVerdict Sequential, int Calls)> runs, GateOutcome outcome) =>
        runs.Count(r => r.Sequential.Outcome == outcome);

    // The 50-case cells use 100 fixed seeds (seeds 0–19 alone are an unlucky draw: 14/20 where 200 seeds give 17.3),
    // so a bar at the measured figure catches a rule that got worse. Bars are the measured counts on these seeds less 1–2.

    [Fact]
    public void An_equal_candidate_on_50_cases_passes_in_most_seeds_and_almost_never_fails()
    {
        var runs = Runs(Scenario.Equal, 50, seeds: 100);

        // Target 18/20 is still MISSED without baseline history: 87/100 here (200-seed bench 17.3/20); the rule before
        // the full-budget steady draw and the P0 changes gave 81/100 on these seeds.
        Assert.True(Count(runs, GateOutcome.Pass) >= 85, $"passed {Count(runs, GateOutcome.Pass)}/100");
        Assert.True(Count(runs, GateOutcome.Fail) <= 5, $"failed {Count(runs, GateOutcome.Fail)}/100");
        Assert.True(runs.Average(r => (double)r.Sequential.ExtraTrials / r.Calls) <= 1.0, "extra trials stay within 1× the base calls");
    }

    [Fact]
    public void An_equal_candidate_on_100_cases_passes_19_of_20()
    {
        var runs = Runs(Scenario.Equal, 100);

        Assert.True(Count(runs, GateOutcome.Pass) >= 19, $"passed {Count(runs, GateOutcome.Pass)}/20");
        Assert.True(Count(runs, GateOutcome.Fail) <= 1, $"failed {Count(runs, GateOutcome.Fail)}/20");
    }

    [Fact]
    public void Two_earlier_baseline_runs_lift_the_equal_candidate_on_50_cases_to_the_target()
    {
        // Earlier runs of the same baseline identity, drawn from the same world, pooled into the baseline side:
        // 18/20 on the 200-seed bench (target met), against 17.3 without them; 88/100 on these seeds.
        var without = Runs(Scenario.Equal, 50, seeds: 100);
        var with = Runs(Scenario.Equal, 50, seeds: 100, history: 2);

        Assert.True(Count(with, GateOutcome.Pass) >= 86, $"passed {Count(with, GateOutcome.Pass)}/100 with history");
        Assert.True(Count(with, GateOutcome.Pass) > Count(without, GateOutcome.Pass), "pooling the baseline's history must help");
        Assert.True(Count(with, GateOutcome.Fail) <= 5, $"failed {Count(with, GateOutcome.Fail)}/100");
        Assert.All(with, r => Assert.Contains(r.Sequential.Findings, f => f.Rule == "baseline-history" && f.Message.Contains("2 earlier run(s)", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(MixtureFamily.Tuned)]
    [InlineData(MixtureFamily.Held)]
    public void A_true_10_point_drop_on_50_cases_fails_19_of_20(MixtureFamily family)
    {
        var runs = Runs(Scenario.Drop10, 50, family, seeds: 100);

        // Target 19/20 met on both families (200-seed bench: 19.0 tuned, 19.0 held out); 95/100 on these seeds.
        Assert.True(Count(runs, GateOutcome.Fail) >= 94, $"failed {Count(runs, GateOutcome.Fail)}/100");
    }

    [Fact]
    public void A_regressed_P0_case_fails_every_time()
    {
        var runs = Runs(Scenario.P0Regression, 50);

        Assert.All(runs, r => Assert.Equal(GateOutcome.Fail, r.Sequential.Outcome));
    }

    [Theory]
    [InlineData(Scenario.P0Crash)]
    [InlineData(Scenario.Partial)]
    public void A_crashing_P0_case_or_a_partial_run_never_passes(Scenario scenario)
    {
        var runs = Runs(scenario, 50);

        Assert.All(runs, r =>
        {
            Assert.NotEqual(GateOutcome.Pass, r.Base.Outcome);
            Assert.NotEqual(GateOutcome.Pass, r.Sequential.Outcome);
            Assert.Contains(r.Base.Findings, f => f.Rule == "completeness" && f.Evidence?.WouldDecide is not null);
        });
    }

    [Fact]
    public void Thirty_percent_infrastructure_errors_are_inconclusive_every_time()
    {
        var runs = Runs(Scenario.Infra30, 50);

        Assert.All(runs, r => Assert.Equal(GateOutcome.Inconclusive, r.Sequential.Outcome));
    }

    [Theory]
    [InlineData(MixtureFamily.Tuned)]
    [InlineData(MixtureFamily.Held)]
    public void A_true_drop_equal_to_the_margin_almost_never_passes_after_extra_trials(MixtureFamily family)
    {
        // The bias the two-stage estimate removes: pooling base and adaptively added trials passed this 3.9–5.6/20
        // on the held-out family; the bound is α = 1/20 (bench at 100 × k=3: 0.1 tuned, 0.8 held out; 1.4 held out at
        // 50 × k=5, the one cell above it). These 20 fixed seeds give 0 tuned and 1 held out; the bar is 2: still well
        // under the 3.9–5.6 of the biased estimate.
        var runs = Runs(Scenario.Drop5, 100, family);

        Assert.True(runs.Count(r => r.Sequential.Outcome == GateOutcome.Pass) <= 2, $"passed {runs.Count(r => r.Sequential.Outcome == GateOutcome.Pass)}/20");
    }

    [Fact]
    public void The_held_out_family_keeps_the_equal_candidate_from_failing()
    {
        var runs = Runs(Scenario.Equal, 100, MixtureFamily.Held);

        // Target ≤ 1/20; the 200-seed bench measures 1.0/20 on this held-out cell, these 20 seeds 2.
        Assert.True(runs.Count(r => r.Sequential.Outcome == GateOutcome.Fail) <= 2, $"failed {runs.Count(r => r.Sequential.Outcome == GateOutcome.Fail)}/20");
    }
}
