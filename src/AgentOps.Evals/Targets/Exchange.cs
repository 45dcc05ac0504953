using System.Text.Json;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Targets;

/// <summary>One trial's conversation with the model: the growing message list, and the trajectory, usage and latency of
/// every model call, across the tool loop of each reply and across the user turns of a conversation.</summary>
internal sealed class Exchange(IChatClient client, TrialContext trial, List<ChatMessage> messages, ChatOptions options,
    GoldenCase goldenCase, string model, int maxToolIterations) : IConversation
{
    private readonly List<ModelTurn> _turns = [];
    private readonly List<ToolCallRecord> _calls = [];
    private TokenUsage _usage = TokenUsage.Zero;
    private double _latency;
    private string? _finishReason;
    private string? _responseModel;

    /// <summary>The conversation so far (system prompt, history, every turn).</summary>
    public IReadOnlyList<ChatMessage> Messages => messages;

    /// <summary>Adds a user message, gets the agent's reply and records the turn.</summary>
    public async Task<(string Output, bool CircuitBreaker)> TurnAsync(string? user, string source, List<ConversationTurn> conversation, CancellationToken cancellationToken)
    {
        // A null user message: answer the one the history ends with.
        if (user is not null) messages.Add(new ChatMessage(ChatRole.User, user));
        var first = _turns.Count;
        var reply = await ReplyAsync(cancellationToken).ConfigureAwait(false);
        conversation.Add(new ConversationTurn(conversation.Count, user ?? messages.Last(m => m.Role == ChatRole.User).Text, reply.Output, first, _turns.Count - first, source));
        return reply;
    }

    /// <summary>Asks the model until it answers without tool calls (or the tool loop hits its bound).</summary>
    public async Task<(string Output, bool CircuitBreaker)> ReplyAsync(CancellationToken cancellationToken)
    {
        for (var iteration = 0; ; iteration++)
        {
            var turn = _turns.Count;
            var before = trial.Usage.Read();
            var started = trial.Clock.GetTimestamp();
            var response = await client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            var elapsed = trial.Clock.GetElapsedTime(started).TotalMilliseconds;
            // What this call charged to the trial's meter: its cost, and its recorded latency when recorded or replayed.
            var charged = trial.Usage.Read() - before;
            var turnLatency = charged.RecordedCalls > 0 ? charged.RecordedLatencyMs : elapsed;
            _latency += turnLatency;
            _finishReason = response.FinishReason?.Value;
            _responseModel = response.ModelId ?? model;
            var input = response.Usage?.InputTokenCount ?? 0;
            var output = response.Usage?.OutputTokenCount ?? 0;
            _usage += new TokenUsage(input, output, charged.CostUsd);
            _turns.Add(new ModelTurn(turn, _responseModel, input, output, Math.Round(turnLatency, 2), _finishReason));
            messages.AddRange(response.Messages);

            var requested = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (requested.Count == 0) return (response.Text, false);
            // The agent keeps calling tools: stop here and fail the trial rather than loop forever.
            if (iteration >= maxToolIterations) return (response.Text, true);
            foreach (var call in requested)
            {
                var (record, result) = Answer(call, turn);
                _calls.Add(record);
                messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, result)]));
            }
        }
    }

    public TargetResponse Response(string output, bool circuitBreaker, IReadOnlyList<ConversationTurn> conversation) =>
        new(output, new Trajectory(_turns, _calls) { Conversation = conversation }, _usage, _latency, _finishReason, _responseModel ?? model, circuitBreaker);

    private (ToolCallRecord Record, object? Result) Answer(FunctionCallContent call, int turn)
    {
        var arguments = JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>());
        var tool = goldenCase.Input.Tools.FirstOrDefault(t => t.Name == call.Name);
        if (tool is null)
        {
            var error = $"unknown tool '{call.Name}'; this case offers: {string.Join(", ", goldenCase.Input.Tools.Select(t => t.Name))}";
            return (new ToolCallRecord(turn, call.Name, arguments, null, error), new { error });
        }
        if (tool.Error is { } failure)
            return (new ToolCallRecord(turn, call.Name, arguments, null, failure), new { error = failure });
        var json = tool.Returns?.ToJsonString() ?? "null";
        return (new ToolCallRecord(turn, call.Name, arguments, json), JsonDocument.Parse(json).RootElement);
    }
}
