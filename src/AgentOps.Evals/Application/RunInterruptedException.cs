namespace AgentOps.Evals.Application;

/// <summary>A workflow stopped before it finished (cancelled, Ctrl-C); its message says what was stored and the command that resumes it.</summary>
public sealed class RunInterruptedException(string message) : OperationCanceledException(message);
