using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Tests.Statistics;

public sealed class OutputAgreementTests
{
    [Fact]
    public void Outputs_differing_only_in_case_and_whitespace_agree_exactly()
    {
        var a = OutputAgreement.Compute(["The refund window is 14 days.", "  the refund  window is 14 DAYS.", "The refund window is\n14 days."]);

        Assert.Equal(1, a.ExactMatchRate);
        Assert.Equal(1, a.MeanSimilarity);
    }

    [Fact]
    public void Free_text_falls_back_to_edit_similarity()
    {
        var a = OutputAgreement.Compute(["kitten", "kitten", "sitting"]);

        Assert.Equal(1.0 / 3, a.ExactMatchRate, 12);
        Assert.Equal((1 + 2 * (1 - 3.0 / 7)) / 3, a.MeanSimilarity, 12);
    }

    [Fact]
    public void A_single_trial_agrees_with_itself()
    {
        Assert.Equal(1, OutputAgreement.Compute(["anything"]).MeanSimilarity);
    }
}
