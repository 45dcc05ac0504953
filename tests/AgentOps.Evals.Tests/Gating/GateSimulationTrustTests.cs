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

    private static List<(GateVerdict Base, GateVerdict Sequential, int Calls)> Runs(Scenario scenario, int cases, MixtureFamily family = MixtureFamily.Tuned) =>
        Enumerable.Range(0, Seeds).Select(seed => GateSimulation.Run(family, scenario, cases, 3, seed)).ToList();

    [Theory]
    [InlineData(50, 18)]
    [InlineData(100, 19)]
    public void An_equal_candidate_passes_and_almost_never_fails(int cases, int minimumPasses)
    {
        var runs = Runs(Scenario.Equal, cases);

        Assert.True(runs.Count(r => r.Sequential.Outcome == GateOutcome.Pass) >= minimumPasses,
            $"passed {runs.Count(r => r.Sequential.Outcome == GateOutcome.Pass)}/20");
        Assert.True(runs.Count(r => r.Sequential.Outcome == GateOutcome.Fail) <= 1);
        Assert.True(runs.Average(r => (double)r.Sequential.ExtraTrials / r.Calls) <= 1.0, "extra trials stay within 1× the base calls");
    }

    [Fact]
    public void A_true_10_point_drop_on_50_cases_fails_in_at_least_19_of_20()
    {
        var runs = Runs(Scenario.Drop10, 50);

        // The target is 19/20; the 200-seed bench measures 19.2/20 here, so a 20-seed draw may land at 18.
        Assert.True(runs.Count(r => r.Sequential.Outcome == GateOutcome.Fail) >= 18, $"failed {runs.Count(r => r.Sequential.Outcome == GateOutcome.Fail)}/20");
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

    [Fact]
    public void The_held_out_family_keeps_the_equal_candidate_from_failing()
    {
        var runs = Runs(Scenario.Equal, 100, MixtureFamily.Held);

        // Target ≤ 1/20; the 200-seed bench measures 0.3/20 on this held-out cell.
        Assert.True(runs.Count(r => r.Sequential.Outcome == GateOutcome.Fail) <= 2, $"failed {runs.Count(r => r.Sequential.Outcome == GateOutcome.Fail)}/20");
    }
}
