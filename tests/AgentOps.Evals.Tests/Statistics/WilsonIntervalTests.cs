using AgentOps.Evals.Statistics;
using CsCheck;

namespace AgentOps.Evals.Tests.Statistics;

public sealed class WilsonIntervalTests
{
    // Worked examples from Newcombe RG (1998), "Two-sided confidence intervals for the single proportion:
    // comparison of seven methods", Statistics in Medicine 17:857–872, Table II, method 3 (Wilson score, no continuity correction).
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Matches_published_worked_examples(int successes, int trials, double lower, double upper)
    {
        var interval = WilsonInterval.Compute(successes, trials);

        Assert.Equal(lower, interval.Lower, 4);
        Assert.Equal(upper, interval.Upper, 4);
        Assert.Equal((double)successes / trials, interval.Estimate, 12);
    }

    [Fact]
    public void Bounds_stay_in_unit_interval_and_contain_the_estimate()
    {
        Gen.Int[1, 5000].SelectMany(n => Gen.Int[0, n].Select(s => (n, s)))
            .Sample(t =>
            {
                var i = WilsonInterval.Compute(t.s, t.n);
                return i.Lower >= 0 && i.Upper <= 1 && i.Lower <= i.Estimate && i.Estimate <= i.Upper && i.Lower < i.Upper;
            });
    }

    [Fact]
    public void More_trials_at_the_same_rate_narrow_the_interval()
    {
        var small = WilsonInterval.Compute(9, 10);
        var large = WilsonInterval.Compute(90, 100);

        Assert.True(large.Upper - large.Lower < small.Upper - small.Lower);
    }
}
