using AgentOps.Evals.Statistics;
using CsCheck;

namespace AgentOps.Evals.Tests.Statistics;

public sealed class McNemarTestTests
{
    // Fagerland MW, Lydersen S, Laake P (2013), "The McNemar test for binary matched-pairs data: mid-p and
    // asymptotic are better than exact conditional", BMC Medical Research Methodology 13:91: the airway
    // hyper-responsiveness example has discordant pairs 1 and 7 and an exact conditional p-value of 0.070.
    [Fact]
    public void Matches_the_published_worked_example()
    {
        Assert.Equal(0.070, McNemarTest.ExactPValue(1, 7), 3);
        Assert.Equal(18.0 / 256, McNemarTest.ExactPValue(1, 7), 12);
    }

    [Fact]
    public void No_discordant_pairs_is_no_evidence()
    {
        Assert.Equal(1, McNemarTest.ExactPValue(0, 0));
        Assert.Equal(1, McNemarTest.ExactPValue(4, 4));
    }

    [Fact]
    public void Is_symmetric_in_its_discordant_counts_and_a_probability()
    {
        Gen.Int[0, 400].Select(Gen.Int[0, 400])
            .Sample((b, c) =>
            {
                var p = McNemarTest.ExactPValue(b, c);
                return p == McNemarTest.ExactPValue(c, b) && p > 0 && p <= 1;
            });
    }

    [Fact]
    public void More_lopsided_flips_give_smaller_p_values()
    {
        Assert.True(McNemarTest.ExactPValue(0, 10) < McNemarTest.ExactPValue(2, 8));
        Assert.True(McNemarTest.ExactPValue(2, 8) < McNemarTest.ExactPValue(4, 6));
    }
}
