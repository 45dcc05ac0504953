using AgentOps.Evals.Shadowing;

namespace AgentOps.Evals.Tests.Shadowing;

public sealed class OutputDivergenceTests
{
    [Fact]
    public void Same_answers_on_both_sides_do_not_diverge()
    {
        var d = OutputDivergence.Compute(ShadowFixtures.Side("a", ["Your order ships tomorrow.", "Your order ships tomorrow."]),
            ShadowFixtures.Side("a", ["your order ships  tomorrow.", "Your order ships tomorrow."]));
        Assert.Equal(1, d.CrossAgreement, 6);
        Assert.Equal(0, d.Excess, 6);
    }

    [Fact]
    public void Disagreement_no_larger_than_each_sides_own_spread_is_noise_not_divergence()
    {
        // Both sides sample the same three phrasings: they disagree with each other exactly as much as with themselves.
        string[] phrasings = ["Your order ships tomorrow.", "It will ship tomorrow.", "Tomorrow it goes out."];
        var baseline = ShadowFixtures.Side("a", phrasings);
        var candidate = ShadowFixtures.Side("a", [.. phrasings.Reverse()]);
        var d = OutputDivergence.Compute(baseline, candidate);
        Assert.True(d.NoiseFloor < 0.9, $"the sides are noisy on their own (floor {d.NoiseFloor})");
        Assert.True(d.CrossAgreement < 0.9, "raw cross agreement alone would call this divergent");
        Assert.True(d.Excess < 0.05, $"excess over the noise floor should be ~0, was {d.Excess}");
    }

    [Fact]
    public void A_different_answer_beyond_the_noise_floor_is_divergence()
    {
        var baseline = ShadowFixtures.Side("a", ["You can return it within 14 days of delivery.", "You can return it within 14 days of delivery."]);
        var candidate = ShadowFixtures.Side("a", ["Returns are free for 30 days, no questions asked!", "Returns are free for 30 days, no questions asked!"]);
        var d = OutputDivergence.Compute(baseline, candidate);
        Assert.Equal(1, d.NoiseFloor, 6);
        Assert.True(d.Excess > 0.4, $"excess {d.Excess}");
    }

    [Fact]
    public void A_single_recorded_production_answer_uses_the_candidates_own_spread_as_the_floor()
    {
        var production = SideFigures.Of(new ProductionAnswer("It will ship tomorrow.", [], "stop", "m", 10, 5, 500, 0.001m));
        var candidate = ShadowFixtures.Side("a", ["It will ship tomorrow.", "Tomorrow it goes out."]);
        var d = OutputDivergence.Compute(production, candidate);
        Assert.Equal(candidate.OwnAgreement, d.NoiseFloor, 6);
    }

    [Fact]
    public void Tool_calls_with_other_tools_or_arguments_diverge_and_formatting_does_not()
    {
        var a = ShadowFixtures.Side("a", ["x", "x"], tool: "get_order_status");
        var same = ShadowFixtures.Side("a", ["x", "x"], tool: "get_order_status");
        var other = ShadowFixtures.Side("a", ["x", "x"], tool: "cancel_order");
        Assert.Equal(0, ToolCallDivergence.Compute(a, same).CrossRate);
        var d = ToolCallDivergence.Compute(a, other);
        Assert.Equal(1, d.CrossRate);
        Assert.True(d.NamesDiffer);
        Assert.Equal(ToolCallDivergence.Signature([new(0, "t", "{\"b\":1,\"a\":2}", null)]), ToolCallDivergence.Signature([new(0, "t", "{ \"a\": 2, \"b\": 1 }", null)]));
    }
}
