namespace AgentOps.Evals.Running;

/// <summary>How a trial ended. Infrastructure errors are not model failures and are counted apart.</summary>
public enum TrialOutcome
{
    /// <summary>Every assertion passed.</summary>
    Passed,
    /// <summary>At least one assertion failed: the model's fault.</summary>
    Failed,
    /// <summary>The trial could not be evaluated (timeout, 5xx, rate limit, missing recording): not the model's fault.</summary>
    InfraError,
}
