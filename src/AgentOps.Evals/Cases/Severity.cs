namespace AgentOps.Evals.Cases;

/// <summary>How much a case matters: P0 must never regress; P1..P3 weigh less.</summary>
public enum Severity { P0, P1, P2, P3 }
