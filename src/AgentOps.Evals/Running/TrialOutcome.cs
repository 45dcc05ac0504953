namespace AgentOps.Evals.Running;

/// <summary>How a trial ended. Infrastructure errors are not model failures and are counted apart.</summary>
public enum TrialOutcome { Passed, Failed, InfraError }
