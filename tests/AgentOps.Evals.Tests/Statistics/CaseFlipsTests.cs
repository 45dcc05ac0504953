using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Tests.Statistics;

public sealed class CaseFlipsTests
{
    [Fact]
    public void Flips_follow_majority_outcomes()
    {
        var flips = CaseFlips.Count(
        [
            ("steady", 3, 3, 2, 3),      // majority pass on both sides: no flip, even with one failure
            ("regressed", 3, 3, 1, 3),
            ("improved", 0, 3, 3, 3),
            ("b-regressed", 2, 3, 0, 3),
            ("missing", 3, 3, 0, 0),     // all infra errors: nothing to compare
        ]);

        Assert.Equal(["b-regressed", "regressed"], flips.Regressions);
        Assert.Equal(["improved"], flips.Improvements);
        Assert.Equal(McNemarTest.ExactPValue(2, 1), flips.McNemarPValue);
    }

    [Fact]
    public void A_tie_is_not_a_majority_pass()
    {
        Assert.False(CaseFlips.MajorityPassed(1, 2));
        Assert.True(CaseFlips.MajorityPassed(2, 3));
        Assert.False(CaseFlips.MajorityPassed(0, 0));
    }
}
