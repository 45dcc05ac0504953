using AgentOps.Evals.Statistics;
using MathNet.Numerics.Distributions;

namespace AgentOps.Evals.Tests.Statistics;

public sealed class PairedComparisonTests
{
    [Fact]
    public void Mean_standard_error_and_t_bounds_follow_the_per_case_differences()
    {
        // Drops: 0, 1/3, 2/3, 1 → mean 0.5, sample variance 5/27; one pseudo-case at the floor joins it.
        CaseCounts[] cases = [new(3, 3, 3, 3), new(3, 3, 2, 3), new(3, 3, 1, 3), new(3, 3, 0, 3)];

        var d = PairedComparison.Compute(cases);

        var floor = PairedComparison.BinomialFloor(cases);
        var sd = Math.Sqrt((3 * 5.0 / 27 + floor * floor) / 4);
        var se = sd / 2;
        var t = StudentT.InvCDF(0, 1, 3, 0.95);
        Assert.Equal(0.5, d.MeanDrop, 12);
        Assert.Equal(se, d.StandardError, 12);
        Assert.Equal(0.5 - t * se, d.LowerBound, 9);
        Assert.Equal(0.5 + t * se, d.UpperBound, 9);
        Assert.True(t > 2.3, "3 degrees of freedom must widen the bound well past the normal 1.645");
    }

    [Fact]
    public void Identical_runs_on_few_cases_are_never_certain()
    {
        // Two cases at 3/3 on both sides: the observed spread is zero, the floor keeps the bound wide.
        var d = PairedComparison.Compute([new CaseCounts(3, 3, 3, 3), new CaseCounts(3, 3, 3, 3)]);

        Assert.Equal(0, d.MeanDrop);
        Assert.True(d.Floored);
        Assert.True(d.StandardError > 0);
        Assert.True(d.UpperBound > 0.5, $"upper bound {d.UpperBound} on two agreeing cases");
    }

    [Fact]
    public void Identical_runs_on_many_cases_bound_the_drop_tightly()
    {
        var cases = Enumerable.Repeat(new CaseCounts(3, 3, 3, 3), 46).ToList();

        var d = PairedComparison.Compute(cases);

        Assert.InRange(d.UpperBound, 0.0001, 0.02);
    }

    [Fact]
    public void One_case_cannot_bound_anything()
    {
        var d = PairedComparison.Compute([new CaseCounts(1, 1, 0, 1)]);

        Assert.True(double.IsNaN(d.LowerBound));
        Assert.Equal(1, d.PValue);
    }

    [Fact]
    public void Fisher_exact_gives_the_textbook_values()
    {
        Assert.Equal(0.05, FisherExact.WorsePValue(3, 3, 0, 3), 9);
        Assert.Equal(0.2, FisherExact.WorsePValue(3, 3, 1, 3), 9);
        Assert.Equal(1, FisherExact.WorsePValue(3, 3, 3, 3), 9);
    }

    [Fact]
    public void Holm_multiplies_by_the_remaining_count_and_stays_monotone()
    {
        var adjusted = HolmAdjustment.Adjust([0.01, 0.04, 0.03]);

        Assert.Equal([0.03, 0.06, 0.06], adjusted.Select(a => Math.Round(a, 9)).ToArray());
    }

    [Fact]
    public void Alpha_spending_never_spends_more_than_alpha_over_all_looks()
    {
        var spending = new AlphaSpending(0.05, 2);

        Assert.Equal(0.01, spending.At(0), 12);
        Assert.Equal(0.04, spending.At(1), 12);
        Assert.Equal(0.05, AlphaSpending.Single().At(0), 12);
    }
}
