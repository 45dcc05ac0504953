using System.Text.Json;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Targets;

/// <summary>Reads the http target's documented reply JSON into a <see cref="TargetResponse"/>; live and replayed replies go through here alike.</summary>
internal static class HttpTargetReply
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The reply, or a <c>malformed-response</c> infrastructure error when it is not the documented JSON.</summary>
    public static TargetResponse Parse(string json, TrialRequest request, double latencyMs)
    {
        Reply? reply;
        try { reply = JsonSerializer.Deserialize<Reply>(json, s_json); }
        catch (JsonException e) { throw new InfrastructureException("malformed-response", "agent endpoint reply is not the documented JSON: " + e.Message, e); }
        if (reply is null) throw new InfrastructureException("malformed-response", "agent endpoint replied with null");
        var calls = (reply.ToolCalls ?? []).Select(t => new ToolCallRecord(0, t.Name, t.Arguments?.GetRawText() ?? "{}", t.Result?.GetRawText(), t.Error)).ToList();
        var usage = new TokenUsage(reply.Usage?.InputTokens ?? 0, reply.Usage?.OutputTokens ?? 0, reply.Usage?.CostUsd ?? 0);
        var model = reply.Model ?? request.Candidate.ModelId;
        var turn = new ModelTurn(0, model, usage.InputTokens, usage.OutputTokens, latencyMs, reply.FinishReason);
        return new TargetResponse(reply.Output ?? "", new Trajectory([turn], calls), usage, latencyMs, reply.FinishReason, model);
    }

    private sealed record Reply(string? Output, List<ReplyToolCall>? ToolCalls, ReplyUsage? Usage, string? FinishReason, string? Model);
    private sealed record ReplyToolCall(string Name, JsonElement? Arguments, JsonElement? Result, string? Error);
    private sealed record ReplyUsage(long InputTokens, long OutputTokens, decimal CostUsd);
}
