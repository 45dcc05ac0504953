using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Tests.Statistics;

public sealed class PairedComparisonTests
{
    [Fact]
    public void Mean_standard_error_and_bounds_follow_the_per_case_differences()
    {
        // Drops: 0, 1/3, 2/3, 1 → mean 0.5, sample SD = sqrt(5/27), SE = SD/2.
        var fractions = new[] { (1.0, 1.0), (1.0, 2.0 / 3), (1.0, 1.0 / 3), (1.0, 0.0) };

        var d = PairedComparison.Compute(fractions);

        var se = Math.Sqrt(5.0 / 27) / 2;
        Assert.Equal(0.5, d.MeanDrop, 12);
        Assert.Equal(se, d.StandardError, 12);
        Assert.Equal(0.5 - 1.6448536269514722 * se, d.LowerBound, 9);
        Assert.Equal(0.5 + 1.6448536269514722 * se, d.UpperBound, 9);
    }

    [Fact]
    public void Identical_runs_have_no_drop_and_no_noise()
    {
        var d = PairedComparison.Compute([(1.0, 1.0), (0.0, 0.0), (2.0 / 3, 2.0 / 3)]);

        Assert.Equal(0, d.MeanDrop);
        Assert.Equal(0, d.StandardError);
        Assert.Equal(0, d.DetectableDrop);
    }

    [Fact]
    public void One_case_cannot_detect_anything()
    {
        var d = PairedComparison.Compute([(1.0, 0.0)]);

        Assert.True(double.IsPositiveInfinity(d.DetectableDrop));
        Assert.True(double.IsNaN(d.LowerBound));
    }
}
