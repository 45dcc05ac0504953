using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary>A run as the store holds it: its record and its trials.</summary>
public sealed record StoredRun(RunInfo Run, IReadOnlyList<TrialResult> Trials);
