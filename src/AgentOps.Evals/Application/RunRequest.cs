using AgentOps.Evals.Cases;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary>What a run is asked to do: the candidate, trials per case, which cases, and how its model is reached.</summary>
/// <param name="Resume">A stored run to finish: its trials already stored make no model call; it keeps the run's provider, model and prompt.</param>
/// <param name="RetryInfraErrors">With <paramref name="Resume"/>: run again the stored trials that ended in an infrastructure error.</param>
/// <param name="TrialCounts">Extend <paramref name="Resume"/>: only these cases, each up to this many trials (the gate's extra trials).</param>
/// <param name="Cases">Cases given directly (a shadow set) instead of selected from the golden set.</param>
/// <param name="Candidate">The candidate to run.</param>
/// <param name="K">Trials per case (a case's consistency.k wins).</param>
/// <param name="Filter">Which cases; null: every active case.</param>
/// <param name="Shard">Run shard <c>i/n</c> of the cases; null: all.</param>
/// <param name="Provider">A provider to use instead of the candidate's.</param>
/// <param name="Record">Record every live call to the candidate's cassette.</param>
/// <param name="Concurrency">Trials in flight at once; null: run.concurrency.</param>
public sealed record RunRequest(string Candidate, int K, string? Filter = null, string? Shard = null, string? Provider = null, bool Record = false, int? Concurrency = null, RunInfo? Resume = null,
    bool RetryInfraErrors = false, IReadOnlyDictionary<string, int>? TrialCounts = null, IReadOnlyList<GoldenCase>? Cases = null);
