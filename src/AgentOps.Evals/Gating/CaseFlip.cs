namespace AgentOps.Evals.Gating;

/// <summary>How a case's majority outcome moved from baseline to candidate.</summary>
public enum CaseFlip
{
    /// <summary>The majority outcome did not change, or either side tied.</summary>
    None,
    /// <summary>The baseline's majority passed and the candidate's failed.</summary>
    Regression,
    /// <summary>The baseline's majority failed and the candidate's passed.</summary>
    Improvement,
}
