using AgentOps.Evals.Targets;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Agents;

/// <summary>A Microsoft Agent Framework <see cref="AIAgent"/> as a target: a fresh agent per trial, built by
/// <paramref name="createAgent"/> on the trial's model client (so its calls record and replay from cassettes), run on the
/// case's messages with the case's mocked tools added to its run options.</summary>
/// <param name="context">The candidate's pipeline, model, prompt and tool-iteration limit.</param>
/// <param name="createAgent">Builds the agent from the trial's client and the rendered prompt (null when the candidate has none).</param>
public sealed class AgentTarget(TargetContext context, Func<IChatClient, string?, AIAgent> createAgent) : InProcessTarget(context)
{
    /// <inheritdoc />
    protected override async Task<AgentAnswer> RunAgentAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        var agent = createAgent(turn.ChatClient, turn.Instructions);
        var options = new ChatClientAgentRunOptions(new ChatOptions { ModelId = turn.Model, Tools = turn.Tools.Count > 0 ? turn.Tools : null, ResponseFormat = turn.ResponseFormat });
        var response = await agent.RunAsync(turn.Messages, session: null, options, cancellationToken).ConfigureAwait(false);
        return new AgentAnswer(response.Text, response.FinishReason?.Value, [.. response.Messages]);
    }
}
