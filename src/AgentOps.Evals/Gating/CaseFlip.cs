namespace AgentOps.Evals.Gating;

/// <summary>How a case's majority outcome moved from baseline to candidate.</summary>
public enum CaseFlip { None, Regression, Improvement }
