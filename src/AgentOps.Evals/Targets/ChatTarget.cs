using System.Text.Json;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Targets;

/// <summary>The built-in target: the candidate's prompt and model behind an <see cref="IChatClient"/>, with the case's
/// mocked tools answered in a bounded loop.</summary>
public sealed class ChatTarget(IChatClient client, string model, PromptTemplate? prompt, int maxToolIterations) : ITarget
{
    public async Task<TargetResponse> RespondAsync(TrialRequest request, CancellationToken cancellationToken)
    {
        var goldenCase = request.Case;
        var trial = request.Context;
        var bound = new TrialBoundChatClient(client, trial);
        var messages = BuildMessages(goldenCase);
        var options = new ChatOptions { ModelId = model };
        if (goldenCase.Input.Tools.Count > 0)
            options.Tools = [.. goldenCase.Input.Tools.Select(ToDeclaration)];

        var turns = new List<ModelTurn>();
        var calls = new List<ToolCallRecord>();
        var usage = TokenUsage.Zero;
        double latency = 0;
        string? finishReason = null;
        var responseModel = model;
        for (var turn = 0; ; turn++)
        {
            var before = trial.Usage.Read();
            var started = trial.Clock.GetTimestamp();
            var response = await bound.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            var elapsed = trial.Clock.GetElapsedTime(started).TotalMilliseconds;
            // What this turn's calls charged to the trial's meter: its cost, and its recorded latency when recorded or replayed.
            var charged = trial.Usage.Read() - before;
            var turnLatency = charged.RecordedCalls > 0 ? charged.RecordedLatencyMs : elapsed;
            latency += turnLatency;
            finishReason = response.FinishReason?.Value;
            responseModel = response.ModelId ?? model;
            var input = response.Usage?.InputTokenCount ?? 0;
            var output = response.Usage?.OutputTokenCount ?? 0;
            usage += new TokenUsage(input, output, charged.CostUsd);
            turns.Add(new ModelTurn(turn, responseModel, input, output, Math.Round(turnLatency, 2), finishReason));
            messages.AddRange(response.Messages);

            var requested = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (requested.Count == 0)
                return new TargetResponse(response.Text, new Trajectory(turns, calls), usage, latency, finishReason, responseModel);
            if (turn >= maxToolIterations)
            {
                // The agent keeps calling tools: stop here and fail the trial rather than loop forever.
                return new TargetResponse(response.Text, new Trajectory(turns, calls), usage, latency, finishReason, responseModel, CircuitBreaker: true);
            }
            foreach (var call in requested)
            {
                var (record, result) = Answer(goldenCase, call, turn);
                calls.Add(record);
                messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, result)]));
            }
        }
    }

    private List<ChatMessage> BuildMessages(GoldenCase goldenCase)
    {
        var messages = new List<ChatMessage>(goldenCase.Input.Messages.Count + 1);
        if (prompt is not null)
            messages.Add(new ChatMessage(ChatRole.System, prompt.Render(goldenCase.Input.Vars)));
        foreach (var message in goldenCase.Input.Messages)
            messages.Add(new ChatMessage(new ChatRole(message.Role), message.Content));
        return messages;
    }

    private static AIFunctionDeclaration ToDeclaration(MockTool tool)
    {
        var schema = tool.Parameters is null
            ? JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement
            : JsonSerializer.SerializeToElement(tool.Parameters);
        return AIFunctionFactory.CreateDeclaration(tool.Name, tool.Description, schema);
    }

    private static (ToolCallRecord Record, object? Result) Answer(GoldenCase goldenCase, FunctionCallContent call, int turn)
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
