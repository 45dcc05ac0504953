using AgentOps.Evals.Statistics;
using CsCheck;
using MathNet.Numerics;

namespace AgentOps.Evals.Tests.Statistics;

public sealed class PassAtKTests
{
    private static readonly Gen<(int N, int C)> TrialsAndPasses =
        Gen.Int[1, 60].SelectMany(n => Gen.Int[0, n].Select(c => (n, c)));

    [Fact]
    public void At_k_1_both_equal_the_pass_rate()
    {
        TrialsAndPasses.Sample(t =>
        {
            var rate = (double)t.C / t.N;
            return Math.Abs(PassAtK.PassHatK(t.N, t.C, 1) - rate) < 1e-12
                && Math.Abs(PassAtK.PassAtKValue(t.N, t.C, 1) - rate) < 1e-12;
        });
    }

    [Fact]
    public void Pass_hat_k_falls_and_pass_at_k_rises_with_k()
    {
        TrialsAndPasses.Where(t => t.N >= 2).SelectMany(t => Gen.Int[1, t.N - 1].Select(k => (t.N, t.C, k)))
            .Sample(t =>
                PassAtK.PassHatK(t.N, t.C, t.k + 1) <= PassAtK.PassHatK(t.N, t.C, t.k) + 1e-12
                && PassAtK.PassAtKValue(t.N, t.C, t.k + 1) >= PassAtK.PassAtKValue(t.N, t.C, t.k) - 1e-12);
    }

    // Chen et al. (2021), "Evaluating Large Language Models Trained on Code" (the Codex paper), define the
    // unbiased pass@k = 1 − C(n−c,k)/C(n,k); Yao et al. (2024), τ-bench, define pass^k = C(c,k)/C(n,k).
    // Checked here against binomial coefficients taken directly from MathNet, where they do not overflow.
    [Fact]
    public void Product_forms_equal_the_binomial_definitions()
    {
        TrialsAndPasses.SelectMany(t => Gen.Int[1, t.N].Select(k => (t.N, t.C, k)))
            .Sample(t =>
            {
                var all = SpecialFunctions.Binomial(t.N, t.k);
                var hat = SpecialFunctions.Binomial(t.C, t.k) / all;
                var at = 1 - SpecialFunctions.Binomial(t.N - t.C, t.k) / all;
                return Math.Abs(PassAtK.PassHatK(t.N, t.C, t.k) - hat) < 1e-9
                    && Math.Abs(PassAtK.PassAtKValue(t.N, t.C, t.k) - at) < 1e-9;
            });
    }

    [Fact]
    public void Known_small_values()
    {
        // n = 10, c = 5, k = 2: C(5,2)/C(10,2) = 10/45.
        Assert.Equal(10.0 / 45, PassAtK.PassHatK(10, 5, 2), 12);
        Assert.Equal(35.0 / 45, PassAtK.PassAtKValue(10, 5, 2), 12);
    }

    [Fact]
    public void Does_not_overflow_where_factorials_would()
    {
        var hat = PassAtK.PassHatK(5000, 4990, 100);
        var at = PassAtK.PassAtKValue(5000, 10, 100);

        Assert.InRange(hat, 0.8, 0.9);
        Assert.InRange(at, 0.1, 0.2);
    }

    [Fact]
    public void Means_skip_cases_with_fewer_than_k_trials()
    {
        var cases = new[] { (3, 3), (3, 0), (1, 1) };

        Assert.Equal(0.5, PassAtK.MeanPassHatK(cases, 3), 12);
        Assert.Equal(2.0 / 3, PassAtK.MeanPassAtK(cases, 1), 12);
    }
}
