using AgentOps.Evals.Running;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Targets;

/// <summary>The agent's side of a conversation case, as <see cref="ConversationLoop"/> plays it: the chat target's model
/// exchange or an in-process agent.</summary>
internal interface IConversation
{
    /// <summary>The conversation so far, as the simulated user reads it.</summary>
    IReadOnlyList<ChatMessage> Messages { get; }

    /// <summary>Adds <paramref name="user"/> (null: answer the user message the history ends with), gets the agent's reply
    /// and records it in <paramref name="conversation"/>.</summary>
    Task<(string Output, bool CircuitBreaker)> TurnAsync(string? user, string source, List<ConversationTurn> conversation, CancellationToken cancellationToken);
}
