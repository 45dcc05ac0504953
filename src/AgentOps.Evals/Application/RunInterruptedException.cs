namespace AgentOps.Evals.Application;

/// <summary>A workflow stopped before it finished (cancelled, Ctrl-C); its message says what was stored and the command that resumes it.</summary>
/// <param name="resumeId">What <c>--resume</c> takes to finish it (a shadow id).</param>
public sealed class RunInterruptedException(string message, string resumeId) : OperationCanceledException(message)
{
    public string ResumeId { get; } = resumeId;
}
