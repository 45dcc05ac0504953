using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Gating;

/// <summary>One row of the per-slice table: the figures every rule reads, and the slice's own outcome.</summary>
/// <param name="Name"><c>all</c> for every paired case, else the slice's name.</param>
/// <param name="Cases">Paired cases in the slice that both sides could judge.</param>
/// <param name="BaselinePassRate">The baseline's pass rate over the slice's judged trials, with its interval.</param>
/// <param name="CandidatePassRate">The candidate's pass rate over the slice's judged trials, with its interval.</param>
/// <param name="Drop">The paired per-case drop in pass rate (baseline − candidate) with its bounds and p-value.</param>
/// <param name="CandidatePassHatK">Mean pass^k of the candidate at the run's k; null when no case has k judged trials.</param>
/// <param name="CandidatePassAtK">Mean pass@k of the candidate (at least one of k trials passes); null when no case has k judged trials.</param>
/// <param name="CandidateConsistency">Mean output agreement of the candidate's cases (normalized edit similarity).</param>
/// <param name="FlakyCases">Cases whose candidate trials disagreed.</param>
/// <param name="Regressions">Cases whose majority went from pass to fail.</param>
/// <param name="Improvements">Cases whose majority went from fail to pass.</param>
/// <param name="P0Regressions">Regressions among the slice's P0 cases.</param>
/// <param name="Cost">The slice's spend and cost per success on both sides.</param>
/// <param name="Latency">The slice's latency percentiles on both sides.</param>
/// <param name="Outcome">The worst severity of the findings on this slice.</param>
public sealed record SliceSummary(
    string Name,
    int Cases,
    ProportionInterval BaselinePassRate,
    ProportionInterval CandidatePassRate,
    PairedDifference Drop,
    double? CandidatePassHatK,
    double? CandidatePassAtK,
    double CandidateConsistency,
    int FlakyCases,
    int Regressions,
    int Improvements,
    int P0Regressions,
    CostSummary Cost,
    LatencySummary Latency,
    GateOutcome Outcome);
