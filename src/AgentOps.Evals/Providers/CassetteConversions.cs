using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers;

/// <summary>Turns a model response into a cassette entry and back, losslessly for what the harness reads.</summary>
internal static class CassetteConversions
{
    public static CassetteEntry ToEntry(string key, TrialContext trial, string model, IEnumerable<ChatMessage> messages, ChatResponse response, double latencyMs)
    {
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()
            .Select(c => new RecordedToolCall(c.CallId, c.Name, JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>())))
            .ToList();
        var last = messages.LastOrDefault()?.Text;
        return new CassetteEntry
        {
            Key = key,
            Case = trial.Case.Id,
            Trial = trial.TrialIndex,
            Model = model,
            Prompt = last is null ? null : last.Length > 120 ? last[..120] + "…" : last,
            Text = string.IsNullOrEmpty(response.Text) ? null : response.Text,
            ToolCalls = calls,
            FinishReason = response.FinishReason?.Value,
            ResponseModel = response.ModelId,
            InputTokens = response.Usage?.InputTokenCount ?? 0,
            OutputTokens = response.Usage?.OutputTokenCount ?? 0,
            LatencyMs = Math.Round(latencyMs, 1),
        };
    }

    /// <summary>The recorded response; its latency is reported to the trial's meter by replay, not stamped on the response.</summary>
    public static ChatResponse ToResponse(CassetteEntry entry)
    {
        var contents = new List<AIContent>();
        if (entry.Text is not null) contents.Add(new TextContent(entry.Text));
        foreach (var call in entry.ToolCalls)
        {
            var args = JsonSerializer.Deserialize<Dictionary<string, object?>>(call.Arguments) ?? [];
            contents.Add(new FunctionCallContent(call.Id, call.Name, args));
        }
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, contents))
        {
            ModelId = entry.ResponseModel ?? entry.Model,
            FinishReason = entry.FinishReason is null ? null : new ChatFinishReason(entry.FinishReason),
            Usage = new UsageDetails { InputTokenCount = entry.InputTokens, OutputTokenCount = entry.OutputTokens, TotalTokenCount = entry.InputTokens + entry.OutputTokens },
        };
        return response;
    }
}
