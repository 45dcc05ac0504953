namespace AgentOps.Evals.Application;

/// <summary>What the command line may say about a run; null means "from the config" (the baseline candidate, run.k, run.concurrency).</summary>
/// <param name="Resume">A stored run id to finish; its candidate, k, filter and shard win over the ones given here.</param>
/// <param name="RetryInfraErrors">With <paramref name="Resume"/> only: run again the trials that ended in an infrastructure error.</param>
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
