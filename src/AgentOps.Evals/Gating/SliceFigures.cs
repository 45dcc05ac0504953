using AgentOps.Evals.Running;
using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Gating;

/// <summary>Computes a slice's row of figures from its cases and their judged trials.</summary>
internal static class SliceFigures
{
    public static SliceSummary Compute(
        string name,
        IReadOnlyList<CaseComparison> cases,
        IReadOnlyDictionary<string, (IReadOnlyList<TrialResult> Baseline, IReadOnlyList<TrialResult> Candidate)> judgedTrials,
        int k,
        double alpha = 0.05)
    {
        var comparable = cases.Where(c => c.Comparable).ToList();
        var baselineRate = WilsonInterval.Compute(comparable.Sum(c => c.BaselinePasses), comparable.Sum(c => c.BaselineTrials));
        var candidateRate = WilsonInterval.Compute(comparable.Sum(c => c.CandidatePasses), comparable.Sum(c => c.CandidateTrials));
        var drop = PairedComparison.Compute(comparable.Select(c => c.Counts).ToList(), alpha);
        var counts = comparable.Select(c => (c.CandidateTrials, c.CandidatePasses)).ToList();
        var passHatK = PassAtK.MeanPassHatK(counts, k);
        var passAtK = PassAtK.MeanPassAtK(counts, k);

        var baselineTrials = comparable.SelectMany(c => judgedTrials[c.Id].Baseline).ToList();
        var candidateTrials = comparable.SelectMany(c => judgedTrials[c.Id].Candidate).ToList();

        return new SliceSummary(
            name,
            comparable.Count,
            baselineRate,
            candidateRate,
            drop,
            double.IsNaN(passHatK) ? null : passHatK,
            double.IsNaN(passAtK) ? null : passAtK,
            comparable.Count == 0 ? 1 : comparable.Average(c => c.CandidateAgreement.MeanSimilarity),
            comparable.Count(c => c.Flaky),
            comparable.Count(c => c.Flip == CaseFlip.Regression),
            comparable.Count(c => c.Flip == CaseFlip.Improvement),
            comparable.Count(c => c.Flip == CaseFlip.Regression && IsP0(c)),
            Cost(baselineTrials, candidateTrials),
            Latency(baselineTrials, candidateTrials),
            GateOutcome.Pass);
    }

    /// <summary>Fewer paired cases than this and a slice reports but cannot fail the gate on its drop (a t bound on 4 cases is a guess).</summary>
    public const int MinCasesToFail = 5;

    public static bool IsP0(CaseComparison c) => string.Equals(c.Severity, "P0", StringComparison.OrdinalIgnoreCase);

    public static CostSummary Cost(IReadOnlyList<TrialResult> baseline, IReadOnlyList<TrialResult> candidate)
    {
        var baselineCost = baseline.Sum(t => t.Usage.CostUsd);
        var candidateCost = candidate.Sum(t => t.Usage.CostUsd);
        var baselinePassed = baseline.Count(t => t.Passed);
        var candidatePassed = candidate.Count(t => t.Passed);
        decimal? baselinePer = baselinePassed == 0 ? null : baselineCost / baselinePassed;
        decimal? candidatePer = candidatePassed == 0 ? null : candidateCost / candidatePassed;

        double? ratio = null;
        if (baselinePer is > 0)
        {
            // A candidate that spends and never succeeds costs infinitely much per success.
            ratio = candidatePer is { } per ? (double)(per / baselinePer.Value)
                : candidateCost > 0 ? double.PositiveInfinity : null;
        }
        return new CostSummary(baselineCost, candidateCost, baselinePassed, candidatePassed, baselinePer, candidatePer, ratio);
    }

    public static LatencySummary Latency(IReadOnlyList<TrialResult> baseline, IReadOnlyList<TrialResult> candidate) =>
        new(Percentile(baseline, 0.5), Percentile(baseline, 0.95), Percentile(candidate, 0.5), Percentile(candidate, 0.95));

    private static double? Percentile(IReadOnlyList<TrialResult> trials, double tau) =>
        Statistics.Percentile.NearestRank(trials.Select(t => t.LatencyMs), tau);
}
