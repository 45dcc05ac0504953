using AgentOps.Evals.Shadowing;

namespace AgentOps.Evals.Application;

/// <summary>What a shadow comparison is asked to do: which two sides answer which sampled inputs, k times each, and how models are reached.</summary>
/// <param name="Baseline">A candidate from the config, or <c>production</c> for the answers recorded in the traces.</param>
/// <param name="Judge">False skips the pairwise judge (its rules are then reported as off).</param>
/// <param name="Resume">A killed shadow to finish: its shadow id, or either side's run id. Stored trials make no model call again.</param>
/// <param name="Candidate">The candidate from the config whose answers are compared against the baseline's.</param>
/// <param name="K">Trials per sampled input for each side that runs now.</param>
/// <param name="Inputs">The sampled production inputs both sides answer.</param>
/// <param name="Provider">A provider to use instead of each candidate's own.</param>
/// <param name="Record">Record every live call (candidates and judge) to the cassettes.</param>
/// <param name="Concurrency">Trials in flight at once; null: run.concurrency.</param>
public sealed record ShadowRequest(
    string Baseline,
    string Candidate,
    int K,
    IReadOnlyList<ShadowInput> Inputs,
    string? Provider = null,
    bool Record = false,
    int? Concurrency = null,
    bool Judge = true,
    string? Resume = null);
