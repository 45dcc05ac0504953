namespace AgentOps.Evals.Statistics;

/// <summary>
/// Baseline against candidate on the same cases: the mean per-case drop in pass fraction (baseline − candidate,
/// positive = worse), its standard error clustered by case (with one pseudo-case at the binomial floor), one-sided
/// Student-t bounds at level <paramref name="Alpha"/>, and the one-sided p-value of "the candidate is worse".
/// </summary>
/// <param name="Cases">How many cases were paired.</param>
/// <param name="MeanDrop">Mean of per-case (baseline − candidate) pass-fraction differences; positive means the candidate is worse.</param>
/// <param name="StandardError">Standard error of <paramref name="MeanDrop"/>, clustered by case.</param>
/// <param name="LowerBound">The drop we are (1 − α) sure at least happened; NaN with fewer than two cases.</param>
/// <param name="UpperBound">The drop we are (1 − α) sure did not exceed; the gate passes when it is below the margin.</param>
/// <param name="PValue">One-sided p-value of H0 "no drop" (t test on per-case drops); 1 with fewer than two cases.</param>
/// <param name="PerCaseStandardDeviation">The spread of per-case drops used: the observed spread with one pseudo-case at the binomial floor.</param>
/// <param name="Floored">True when the floor widened the observed spread (e.g. every case agreed).</param>
/// <param name="Alpha">One-sided error rate each bound was computed at.</param>
public sealed record PairedDifference(
    int Cases,
    double MeanDrop,
    double StandardError,
    double LowerBound,
    double UpperBound,
    double PValue,
    double? PerCaseStandardDeviation,
    bool Floored,
    double Alpha);
