using AgentOps.Evals.Agents;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace SupportAgent;

/// <summary>The sample support agent as the harness builds it: an Agent Framework <see cref="ChatClientAgent"/> on the model
/// client it is given (so cassettes record and replay it), with the candidate's prompt as its instructions.
/// Named in samples/SupportAgent/eval.config.yaml under <c>targets:</c>.</summary>
public sealed class SupportAgentFactory : AgentTargetFactory
{
    /// <summary>The agent's name in traces and Agent Framework telemetry.</summary>
    public const string AgentName = "support-agent";

    /// <summary>Used when the candidate names no prompt.</summary>
    public const string DefaultInstructions = "You are a customer support agent for an online shop. Use the tools to look things up; never guess.";

    /// <inheritdoc />
    public override AIAgent CreateAgent(IChatClient chatClient, string? instructions) =>
        chatClient.AsAIAgent(instructions: instructions ?? DefaultInstructions, name: AgentName);
}
