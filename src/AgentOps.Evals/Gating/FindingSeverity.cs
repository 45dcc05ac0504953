namespace AgentOps.Evals.Gating;

/// <summary>What a finding does to the verdict: nothing (info), blocks a pass (inconclusive), or fails the gate.</summary>
public enum FindingSeverity
{
    /// <summary>Reported only; the verdict is unchanged.</summary>
    Info,
    /// <summary>The evidence is too thin to pass: the verdict is at best inconclusive.</summary>
    Inconclusive,
    /// <summary>A rule was broken: the gate fails.</summary>
    Fail,
}
