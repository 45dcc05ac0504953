using AgentOps.Evals.Cases;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Targets;

/// <summary>The per-trial plumbing every in-process target shares: a model client bound to the trial that records each call
/// as a turn, the case's mocked tools as <see cref="AIFunction"/>s that record each call, the circuit breaker, and the
/// <see cref="TargetResponse"/> built from what was recorded. Subclasses only run their agent.</summary>
public abstract class InProcessTarget(TargetContext context) : ITarget
{
    /// <summary>The candidate's pipeline, model and prompt this target was built with.</summary>
    protected TargetContext Context { get; } = context;

    /// <summary>Runs the agent once on <paramref name="turn"/>.</summary>
    /// <returns>The agent's final text and finish reason.</returns>
    protected abstract Task<AgentAnswer> RunAgentAsync(AgentTurn turn, CancellationToken cancellationToken);

    /// <inheritdoc />
    public async Task<TargetResponse> RespondAsync(TrialRequest request, CancellationToken cancellationToken)
    {
        var recorder = new TrajectoryRecorder(request.Context, Context.MaxToolIterations);
        var client = new TurnCaptureChatClient(Context.ChatClient, recorder);
        var tools = MockToolFunction.ForCase(request.Case, recorder);
        var first = new AgentTurn(request.Case, client, Messages(request.Case), tools, Context.Prompt?.Render(request.Case.Input.Vars), Context.Model);
        var agent = new InProcessConversation(RunAgentAsync, first, recorder);
        var conversation = new List<ConversationTurn>();
        // A conversation case plays its turns as the chat target does: the same loop, this agent on the other side.
        var (output, _) = request.Case.Input.IsConversation
            ? await ConversationLoop.PlayAsync(request.Case, agent, conversation, new TrialBoundChatClient(Context.ChatClient, request.Context), Context.Model, cancellationToken).ConfigureAwait(false)
            : await agent.ReplyAsync(cancellationToken).ConfigureAwait(false);
        return new TargetResponse(output, recorder.Trajectory() with { Conversation = conversation }, recorder.Usage(), recorder.LatencyMs,
            agent.LastAnswer?.FinishReason ?? recorder.LastFinishReason, recorder.LastModel ?? Context.Model, CircuitBreaker: recorder.CircuitBroken);
    }

    private static List<ChatMessage> Messages(GoldenCase goldenCase) =>
        [.. goldenCase.Input.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content))];
}

/// <summary>One trial as an in-process agent sees it.</summary>
/// <param name="Case">The golden case being answered.</param>
/// <param name="ChatClient">The model client to build the agent on: bound to this trial (cassettes, meters) and recording turns.</param>
/// <param name="Messages">The conversation so far: the case's input messages (history and user message) and, in a
/// conversation case, every later user turn and the agent's earlier replies.</param>
/// <param name="Tools">The case's mocked tools as functions returning the case's recorded results.</param>
/// <param name="Instructions">The candidate's prompt rendered with the case's vars, or null.</param>
/// <param name="Model">The candidate's model id.</param>
public sealed record AgentTurn(GoldenCase Case, IChatClient ChatClient, IList<ChatMessage> Messages, IList<AITool> Tools, string? Instructions, string Model)
{
    /// <summary>The case's structured-output format (<c>input.response-format</c>), for the agent's run options; null for text.</summary>
    public ChatResponseFormat? ResponseFormat =>
        Case.Input.ResponseFormat is { } f ? Config.ModelSettings.Format(f.Format, f.Schema, f.Name) : null;
}

/// <summary>What an in-process agent answered: its final text and, when known, why it stopped.</summary>
/// <param name="Messages">The reply's messages (tool calls, tool results, the final answer), which the next turn of a
/// conversation case sees as history; null: the final text alone.</param>
/// <param name="Text">The agent's final answer, scored as the trial's output.</param>
/// <param name="FinishReason">Why the agent stopped (e.g. <c>stop</c>, <c>length</c>); null when it did not say.</param>
public sealed record AgentAnswer(string Text, string? FinishReason = null, IReadOnlyList<ChatMessage>? Messages = null);
