namespace AgentOps.Evals.Statistics;

/// <summary>
/// Baseline against candidate on the same cases: the mean per-case drop in trial pass fraction
/// (baseline − candidate, positive = worse), its standard error clustered by case, and one-sided bounds.
/// </summary>
/// <param name="LowerBound">The drop we are (1 − α) sure at least happened; the drop rule fails on this.</param>
/// <param name="UpperBound">The drop we are (1 − α) sure did not exceed.</param>
/// <param name="DetectableDrop">The smallest true drop this design detects with the given power (<see cref="PowerAnalysis"/>).</param>
/// <param name="PerCaseStandardDeviation">The spread of per-case drops; null with fewer than two cases.</param>
public sealed record PairedDifference(
    int Cases,
    double MeanDrop,
    double StandardError,
    double LowerBound,
    double UpperBound,
    double DetectableDrop,
    double? PerCaseStandardDeviation);
