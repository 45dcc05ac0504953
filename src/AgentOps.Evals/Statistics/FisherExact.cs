using MathNet.Numerics.Distributions;

namespace AgentOps.Evals.Statistics;

/// <summary>
/// Fisher's exact one-sided test that the candidate passes less often than the baseline on one case:
/// given the total passes, the candidate's passes are hypergeometric under "no change", and the p-value is
/// the chance of the candidate passing this few or fewer. Exact because a case has a handful of trials.
/// </summary>
internal static class FisherExact
{
    public static double WorsePValue(int baselinePasses, int baselineTrials, int candidatePasses, int candidateTrials)
    {
        var population = baselineTrials + candidateTrials;
        var successes = baselinePasses + candidatePasses;
        if (population == 0) return 1;
        return Math.Min(1, Hypergeometric.CDF(population, successes, candidateTrials, candidatePasses));
    }

    /// <summary>The smallest p-value these margins allow (every pass on the baseline's side): 1 when all trials agree.</summary>
    public static double MinimumWorsePValue(int baselineTrials, int candidateTrials, int successes)
    {
        var baselinePasses = Math.Min(successes, baselineTrials);
        return WorsePValue(baselinePasses, baselineTrials, successes - baselinePasses, candidateTrials);
    }
}
