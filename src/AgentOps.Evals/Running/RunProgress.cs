namespace AgentOps.Evals.Running;

/// <summary>A snapshot of a run in progress, for progress bars and CI log lines.</summary>
public sealed record RunProgress(int Total, int Done, int Passed, int Failed, int InfraErrors, int Skipped);
