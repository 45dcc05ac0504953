namespace AgentOps.Evals.Gating;

/// <summary>The gate's verdict; the numeric value is the process exit code (2, bad input, is the CLI's).</summary>
public enum GateOutcome { Pass = 0, Fail = 1, Inconclusive = 3 }
