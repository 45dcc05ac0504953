using AgentOps.Evals.Cases;
using AgentOps.Evals.Running;
using AgentOps.Evals.Targets;
using Microsoft.Extensions.AI;
using MeaiContext = Microsoft.Extensions.AI.Evaluation.EvaluationContext;

namespace AgentOps.Evals.Evaluation.Meai;

/// <summary>Translates a trial to the shape MEAI evaluators read (conversation, response with tool calls and results,
/// named contexts) and back, so our assertions and theirs see the same trial.</summary>
internal static class ChatTranscript
{
    /// <summary>The name under which a case's <c>input.context</c> documents reach an MEAI evaluator.</summary>
    public const string GroundingContextName = "Grounding context";

    /// <summary>The name under which a case's mocked tool definitions reach an MEAI evaluator.</summary>
    public const string ToolDefinitionsName = "Tool definitions";

    public static IReadOnlyList<ChatMessage> Conversation(GoldenCase goldenCase) =>
        [.. goldenCase.Input.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content))];

    /// <summary>The trial's response: each tool call and its result in order, then the final answer.</summary>
    public static ChatResponse Response(TargetResponse response)
    {
        var messages = new List<ChatMessage>();
        for (var i = 0; i < response.Trajectory.ToolCalls.Count; i++)
        {
            var call = response.Trajectory.ToolCalls[i];
            var callId = "call-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            messages.Add(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, call.Name, Arguments(call.ArgumentsJson))]));
            messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callId, call.Error is null ? call.ResultJson : "error: " + call.Error)]));
        }
        messages.Add(new ChatMessage(ChatRole.Assistant, response.Output));
        return new ChatResponse(messages)
        {
            ModelId = response.ModelId,
            FinishReason = response.FinishReason is { } reason ? new ChatFinishReason(reason) : null,
            Usage = new UsageDetails { InputTokenCount = response.Usage.InputTokens, OutputTokenCount = response.Usage.OutputTokens },
        };
    }

    public static IReadOnlyList<MeaiContext> Contexts(GoldenCase goldenCase)
    {
        var contexts = new List<MeaiContext>();
        if (goldenCase.Input.Context.Count > 0)
            contexts.Add(new CaseContext(GroundingContextName, string.Join("\n---\n", goldenCase.Input.Context)));
        if (goldenCase.Input.Tools.Count > 0)
            contexts.Add(new CaseContext(ToolDefinitionsName,
                string.Join("\n", goldenCase.Input.Tools.Select(t => $"{t.Name}: {t.Description} parameters {t.Parameters?.ToJsonString() ?? "{}"}"))));
        return contexts;
    }

    /// <summary>The other way: an MEAI caller's conversation and response as a case and a trial response.</summary>
    public static (GoldenCase Case, TargetResponse Response) FromChat(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, IEnumerable<MeaiContext>? contexts)
    {
        var documents = contexts?.Where(c => c.Name == GroundingContextName)
            .SelectMany(c => c.Contents.OfType<TextContent>().Select(t => t.Text)).ToList() ?? [];
        var goldenCase = new GoldenCase
        {
            Id = "meai",
            Input = new CaseInput([.. messages.Select(m => new CaseMessage(m.Role.Value, m.Text))], new Dictionary<string, string>(), documents, []),
        };

        var results = modelResponse.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>()
            .GroupBy(r => r.CallId).ToDictionary(g => g.Key, g => g.First());
        var calls = new List<ToolCallRecord>();
        var turn = 0;
        foreach (var message in modelResponse.Messages)
        {
            foreach (var call in message.Contents.OfType<FunctionCallContent>())
            {
                var result = results.GetValueOrDefault(call.CallId);
                calls.Add(new ToolCallRecord(turn, call.Name, System.Text.Json.JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>()),
                    result?.Result is null ? null : result.Result is string s ? s : System.Text.Json.JsonSerializer.Serialize(result.Result),
                    result?.Exception?.Message));
            }
            if (message.Role == ChatRole.Assistant) turn++;
        }
        var usage = new TokenUsage(modelResponse.Usage?.InputTokenCount ?? 0, modelResponse.Usage?.OutputTokenCount ?? 0, 0);
        var response = new TargetResponse(modelResponse.Text, new Trajectory([], calls), usage, 0, modelResponse.FinishReason?.Value, modelResponse.ModelId ?? "");
        return (goldenCase, response);
    }

    private static Dictionary<string, object?> Arguments(string json)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(string.IsNullOrWhiteSpace(json) ? "{}" : json) ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            // The model's arguments were not a JSON object; an evaluator still sees the raw text.
            return new Dictionary<string, object?> { ["_raw"] = json };
        }
    }
}
