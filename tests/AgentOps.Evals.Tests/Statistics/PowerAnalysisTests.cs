using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Tests.Statistics;

public sealed class PowerAnalysisTests
{
    // One-sided α = 0.05 and power 0.8: z = 1.6449 + 0.8416 = 2.4865, the textbook sample-size multiplier
    // (e.g. Chow, Shao & Wang, "Sample Size Calculations in Clinical Research", one-sample mean, one-sided).
    [Fact]
    public void Detectable_drop_is_the_standard_multiplier_times_the_standard_error()
    {
        Assert.Equal(2.4865 * 0.01, PowerAnalysis.DetectableDrop(0.01), 4);
    }

    [Fact]
    public void Cases_needed_round_trip_to_the_detectable_drop()
    {
        const double sd = 0.3;
        var needed = PowerAnalysis.CasesNeeded(0.02, sd)!.Value;

        Assert.True(PowerAnalysis.DetectableDrop(sd / Math.Sqrt(needed)) <= 0.02);
        Assert.True(PowerAnalysis.DetectableDrop(sd / Math.Sqrt(needed - 1)) > 0.02);
    }

    [Fact]
    public void Zero_spread_needs_no_estimate()
    {
        Assert.Null(PowerAnalysis.CasesNeeded(0.02, 0));
        Assert.Null(PowerAnalysis.CasesNeeded(0.02, null));
    }
}
