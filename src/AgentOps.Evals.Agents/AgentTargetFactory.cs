using AgentOps.Evals.Targets;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Agents;

/// <summary>Base class for naming an Agent Framework agent in config: derive, build your agent in <see cref="CreateAgent"/>,
/// and name the type under <c>targets:</c> (<c>{assembly: path/to/YourAgents.dll, type: YourTeam.SupportAgentFactory}</c>).</summary>
public abstract class AgentTargetFactory : ITargetFactory
{
    /// <summary>Builds the agent for one trial on <paramref name="chatClient"/> (the candidate's model pipeline, bound to the trial).
    /// Do not add the case's tools: they are passed in the run options.</summary>
    /// <param name="chatClient">The model client the agent must use, or its calls are neither recorded nor replayed.</param>
    /// <param name="instructions">The candidate's prompt rendered for the case, or null when the candidate names none.</param>
    public abstract AIAgent CreateAgent(IChatClient chatClient, string? instructions);

    /// <inheritdoc />
    public ITarget Create(TargetContext context) => new AgentTarget(context, CreateAgent);
}
