using AgentOps.Evals.Running;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Targets;

/// <summary>An in-process agent's side of a trial: each reply runs the agent once on the whole conversation so far (history,
/// the user's messages, the agent's earlier replies with their tool calls and results), and the model turns it made are
/// read from the trial's <see cref="TrajectoryRecorder"/>.</summary>
internal sealed class InProcessConversation(Func<AgentTurn, CancellationToken, Task<AgentAnswer>> runAgent, AgentTurn first, TrajectoryRecorder recorder)
    : IConversation
{
    private readonly List<ChatMessage> _messages = [.. first.Messages];

    /// <summary>The last reply's answer; null before any, or when the agent's run was cut by the circuit breaker.</summary>
    public AgentAnswer? LastAnswer { get; private set; }

    public IReadOnlyList<ChatMessage> Messages => _messages;

    /// <summary>Runs the agent on the conversation so far and adds its reply to it.</summary>
    public async Task<(string Output, bool CircuitBreaker)> ReplyAsync(CancellationToken cancellationToken)
    {
        LastAnswer = null;
        recorder.StartReply();
        try
        {
            LastAnswer = await runAgent(first with { Messages = [.. _messages] }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (recorder.CircuitBroken)
        {
            // The agent looped on tools; what it recorded so far is the failed trial's trajectory.
        }
        if (LastAnswer is { } answer)
            _messages.AddRange(answer.Messages ?? [new ChatMessage(ChatRole.Assistant, answer.Text)]);
        return (LastAnswer?.Text ?? "", recorder.CircuitBroken);
    }

    public async Task<(string Output, bool CircuitBreaker)> TurnAsync(string? user, string source, List<ConversationTurn> conversation, CancellationToken cancellationToken)
    {
        // A null user message: answer the one the history ends with.
        if (user is not null) _messages.Add(new ChatMessage(ChatRole.User, user));
        var firstTurn = recorder.TurnCount;
        var reply = await ReplyAsync(cancellationToken).ConfigureAwait(false);
        conversation.Add(new ConversationTurn(conversation.Count, user ?? _messages.Last(m => m.Role == ChatRole.User).Text, reply.Output,
            firstTurn, recorder.TurnCount - firstTurn, source));
        return reply;
    }
}
