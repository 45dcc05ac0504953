using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Gating;

/// <summary>One row of the per-slice table: the figures every rule reads, and the slice's own outcome.</summary>
/// <param name="Name"><c>all</c> for every paired case, else the slice's name.</param>
/// <param name="Cases">Paired cases in the slice that both sides could judge.</param>
/// <param name="CandidatePassHatK">Mean pass^k of the candidate at the run's k; null when no case has k judged trials.</param>
/// <param name="CandidateConsistency">Mean output agreement of the candidate's cases (normalized edit similarity).</param>
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
