namespace AgentOps.Evals.Application;

/// <summary>What the command line may say about a run; null means "from the config" (the baseline candidate, run.k, run.concurrency).</summary>
/// <param name="Resume">A stored run id to finish; its candidate, k, filter and shard win over the ones given here.</param>
/// <param name="RetryInfraErrors">With <paramref name="Resume"/> only: run again the trials that ended in an infrastructure error.</param>
/// <param name="Candidate">The candidate to run; null: the config's baseline (or its only candidate).</param>
/// <param name="K">Trials per case; null: run.k.</param>
/// <param name="Filter">Which cases (<c>suite:refunds</c>, <c>tag:locale:*</c>…); null: every active case.</param>
/// <param name="Shard">Run shard <c>i/n</c> of the cases; null: all.</param>
/// <param name="Provider">A provider to use instead of the candidate's.</param>
/// <param name="Record">Record every live call to the candidate's cassette.</param>
/// <param name="Concurrency">Trials in flight at once; null: run.concurrency.</param>
public sealed record RunArguments(
    string? Candidate = null,
    int? K = null,
    string? Filter = null,
    string? Shard = null,
    string? Resume = null,
    bool RetryInfraErrors = false,
    string? Provider = null,
    bool Record = false,
    int? Concurrency = null);
