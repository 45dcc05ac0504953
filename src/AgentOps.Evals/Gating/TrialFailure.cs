using AgentOps.Evals.Running;

namespace AgentOps.Evals.Gating;

/// <summary>A candidate trial that did not pass: the failed assertions, the response and any error, for reports.</summary>
public sealed record TrialFailure(
    int TrialIndex,
    TrialOutcome Outcome,
    IReadOnlyList<AssertionResult> FailedAssertions,
    string Output,
    string? Error,
    string? ErrorKind);
