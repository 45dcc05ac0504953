namespace AgentOps.Evals.Gating;

/// <summary>The gate's verdict; the numeric value is the process exit code (2, bad input, is the CLI's).</summary>
public enum GateOutcome
{
    /// <summary>No rule failed and the evidence is enough: exit 0.</summary>
    Pass = 0,
    /// <summary>At least one rule failed: exit 1.</summary>
    Fail = 1,
    /// <summary>Nothing failed but the evidence cannot show the candidate is not worse: exit 3.</summary>
    Inconclusive = 3,
}
