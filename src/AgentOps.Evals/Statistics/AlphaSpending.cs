namespace AgentOps.Evals.Statistics;

/// <summary>
/// How much of the error rate α each look at the data may spend when extra trials are added in rounds. The
/// gate looks once after the base trials and once after each round; each claim (PASS: non-inferior, FAIL:
/// worse) is tested at look j with α_j, and Σ α_j = α, so by the union bound peeking at every look cannot make
/// a false PASS or a false FAIL likelier than α, whatever rule decides when to stop. The split is back-loaded
/// (weights 1, 4, 16, …: with one round of extra trials, 0.01 then 0.04) in the spirit of O'Brien–Fleming:
/// early looks, on the least data, spend the least, and the final look keeps most of α.
/// </summary>
/// <param name="Alpha">The total one-sided error rate shared across all looks.</param>
/// <param name="Looks">Planned looks: 1 + the rounds of extra trials; 1 means no extra trials (all of α at once).</param>
public sealed record AlphaSpending(double Alpha, int Looks)
{
    /// <summary>A single look spending all of <paramref name="alpha"/>.</summary>
    public static AlphaSpending Single(double alpha = 0.05) => new(alpha, 1);

    /// <summary>α spent at look <paramref name="look"/> (0-based).</summary>
    public double At(int look)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(look);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(look, Looks);
        var total = (Math.Pow(4, Looks) - 1) / 3;
        return Alpha * Math.Pow(4, look) / total;
    }
}
