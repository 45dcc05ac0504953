namespace AgentOps.Evals.Gating;

/// <summary>What a finding does to the verdict: nothing (info), blocks a pass (inconclusive), or fails the gate.</summary>
public enum FindingSeverity { Info, Inconclusive, Fail }
