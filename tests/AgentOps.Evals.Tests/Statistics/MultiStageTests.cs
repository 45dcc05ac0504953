using AgentOps.Evals.Statistics;
using MathNet.Numerics.Distributions;

namespace AgentOps.Evals.Tests.Statistics;

/// <summary>The two pieces the P0 rule tests with: the inverse-normal combination of two stages and Tarone's Bonferroni.</summary>
public sealed class MultiStageTests
{
    [Fact]
    public void The_combination_weights_the_extra_stage_three_to_one_and_stays_uniform_under_no_change()
    {
        // z = ½·Φ⁻¹(1 − p₁) + (√3/2)·Φ⁻¹(1 − p₂).
        var p = InverseNormalCombination.Combine(0.05, 0.01);
        var z = 0.5 * Normal.InvCDF(0, 1, 0.95) + Math.Sqrt(0.75) * Normal.InvCDF(0, 1, 0.99);
        Assert.Equal(1 - Normal.CDF(0, 1, z), p, 12);

        // Two uniform p-values give a uniform combined p-value: the rejection rate at 0.05 is 0.05, not more.
        var random = new Random(7);
        var rejections = Enumerable.Range(0, 20_000).Count(_ => InverseNormalCombination.Combine(random.NextDouble(), random.NextDouble()) <= 0.05);
        Assert.InRange(rejections / 20_000.0, 0.045, 0.055);
    }

    [Fact]
    public void A_stage_that_shows_nothing_cannot_be_rescued_and_a_stage_with_p_one_stays_finite()
    {
        Assert.True(InverseNormalCombination.Combine(0.05, 0.5) > 0.05, "a null second stage weakens the first");
        Assert.InRange(InverseNormalCombination.Combine(1, 1e-9), 0, 1);
        Assert.InRange(InverseNormalCombination.Combine(0, 1), 0, 1);
    }

    [Fact]
    public void Tests_that_can_never_reject_do_not_count_against_the_others()
    {
        // One case 3/3 → 0/3 (p = min p = 0.05) among 20 steady ones (min p = 1): K = 1, the case keeps its p-value.
        var p = new List<double> { 0.05 };
        var min = new List<double> { 0.05 };
        p.AddRange(Enumerable.Repeat(1.0, 20));
        min.AddRange(Enumerable.Repeat(1.0, 20));

        var adjusted = TaroneAdjustment.Adjust(p, min, 0.05);

        Assert.Equal(0.05, adjusted[0], 12);
        Assert.Equal(1, TaroneAdjustment.Testable(min, 0.05));
        Assert.All(adjusted.Skip(1), a => Assert.Equal(1, a));
    }

    [Fact]
    public void Tests_that_could_each_reject_share_alpha_like_Bonferroni()
    {
        // Five cases that could each reach 0.001: K = 5, each adjusted p is 5·p.
        double[] p = [0.004, 0.2, 0.5, 0.9, 0.01];
        double[] min = [0.001, 0.001, 0.001, 0.001, 0.001];

        var adjusted = TaroneAdjustment.Adjust(p, min, 0.05);

        Assert.Equal(5, TaroneAdjustment.Testable(min, 0.05));
        Assert.Equal(0.02, adjusted[0], 12);
        Assert.Equal(0.05, adjusted[4], 12);
        Assert.Equal(1, adjusted[3]);
    }

    [Fact]
    public void Fisher_minimum_is_the_p_value_of_every_pass_on_the_baseline_side()
    {
        Assert.Equal(0.05, FisherExact.MinimumWorsePValue(3, 3, 3), 12);
        Assert.Equal(1, FisherExact.MinimumWorsePValue(3, 3, 6), 12);
        Assert.Equal(1, FisherExact.MinimumWorsePValue(3, 3, 0), 12);
    }
}
