namespace AgentOps.Evals.Targets;

/// <summary>Answers a case. Implement it to put your own agent under test in-process; the chat and HTTP targets are built in.</summary>
public interface ITarget
{
    /// <summary>Answers one trial. Throw <see cref="InfrastructureException"/> for failures that are not the model's fault.</summary>
    Task<TargetResponse> RespondAsync(TrialRequest request, CancellationToken cancellationToken);
}
