namespace AgentOps.Evals.Cases;

/// <summary>How much a case matters: P0 must never regress; P1..P3 weigh less.</summary>
public enum Severity
{
    /// <summary>Must never regress: one P0 regression fails the gate.</summary>
    P0,
    /// <summary>Important.</summary>
    P1,
    /// <summary>Normal (the default).</summary>
    P2,
    /// <summary>Minor.</summary>
    P3,
}
