using AgentOps.Evals.Cases;
using AgentOps.Evals.Running;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Targets;

/// <summary>Plays a conversation case's user side against any agent: the question the history ends with, then the
/// scripted <c>turns:</c> in order, then the simulated user; a circuit break ends the conversation. One loop for every target.</summary>
internal static class ConversationLoop
{
    /// <summary>Plays the conversation, appending each user and agent turn to <paramref name="conversation"/>; returns the last agent reply and whether a circuit break ended it.</summary>
    /// <param name="goldenCase">The conversation case: its history, scripted turns and simulated user.</param>
    /// <param name="agent">The target's side of the conversation.</param>
    /// <param name="conversation">Receives every turn played, in order.</param>
    /// <param name="userModel">The client the simulated user's model is asked through (bound to the trial, not recorded as agent turns).</param>
    /// <param name="model">The candidate's model, used for the simulated user when the case names none.</param>
    /// <param name="cancellationToken">Stops the conversation between or during turns.</param>
    public static async Task<(string Output, bool CircuitBreaker)> PlayAsync(GoldenCase goldenCase, IConversation agent, List<ConversationTurn> conversation,
        IChatClient userModel, string model, CancellationToken cancellationToken)
    {
        var reply = (Output: "", CircuitBreaker: false);
        // A history that ends with the user's message is answered first, as the conversation's opening turn.
        if (goldenCase.Input.Messages.Count > 0 && goldenCase.Input.Messages[^1].Role == "user")
        {
            reply = await agent.TurnAsync(null, ConversationTurn.History, conversation, cancellationToken).ConfigureAwait(false);
            if (reply.CircuitBreaker) return reply;
        }
        foreach (var turn in goldenCase.Input.Turns)
        {
            reply = await agent.TurnAsync(turn.User, ConversationTurn.Scripted, conversation, cancellationToken).ConfigureAwait(false);
            if (reply.CircuitBreaker) return reply;
        }
        if (goldenCase.Input.SimulatedUser is { } simulated)
        {
            var player = new SimulatedUserPlayer(userModel, simulated, simulated.Model ?? model);
            for (var i = 0; i < simulated.MaxTurns; i++)
            {
                var said = await player.NextAsync(agent.Messages, cancellationToken).ConfigureAwait(false);
                if (said is null) break;
                reply = await agent.TurnAsync(said, ConversationTurn.Simulated, conversation, cancellationToken).ConfigureAwait(false);
                if (reply.CircuitBreaker) break;
            }
        }
        return reply;
    }
}
