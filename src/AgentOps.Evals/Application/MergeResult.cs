using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary>The run that shard runs were joined into, and what went into it.</summary>
public sealed record MergeResult(RunInfo Merged, int RunsMerged, int Trials)
{
    /// <summary>False when a shard was interrupted: the merged run is then interrupted too.</summary>
    public bool Completed => Merged.Status == RunStatus.Completed;
}
