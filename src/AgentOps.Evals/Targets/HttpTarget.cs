using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Targets;

/// <summary>Puts a team's own agent endpoint under test: POSTs the case as JSON and reads a documented JSON reply.</summary>
/// <remarks>Request: <c>{case_id, trial, candidate, messages:[{role,content}], vars, context, tools:[{name,description,parameters,returns}]}</c>.
/// Reply: <c>{output, tool_calls:[{name, arguments, result, error}], usage:{input_tokens, output_tokens, cost_usd}, finish_reason, model}</c>.</remarks>
public sealed class HttpTarget(HttpClient http, Uri endpoint) : ITarget
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<TargetResponse> RespondAsync(TrialRequest request, CancellationToken cancellationToken)
    {
        var c = request.Case;
        var body = new
        {
            case_id = c.Id,
            trial = request.TrialIndex,
            candidate = request.Candidate.Name,
            messages = c.Input.Messages.Select(m => new { role = m.Role, content = m.Content }),
            vars = c.Input.Vars,
            context = c.Input.Context,
            tools = c.Input.Tools.Select(t => new { name = t.Name, description = t.Description, parameters = t.Parameters, returns = t.Returns }),
        };
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(endpoint, body, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new InfrastructureException("server-error", $"agent endpoint {endpoint} unreachable: {e.Message}", e);
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                throw new InfrastructureException("rate-limited", $"agent endpoint answered 429");
            if ((int)response.StatusCode >= 500)
                throw new InfrastructureException("server-error", $"agent endpoint answered {(int)response.StatusCode}");
            if (!response.IsSuccessStatusCode)
                throw new InfrastructureException("client-error", $"agent endpoint answered {(int)response.StatusCode}");
            Reply? reply;
            try { reply = await response.Content.ReadFromJsonAsync<Reply>(s_json, cancellationToken).ConfigureAwait(false); }
            catch (JsonException e) { throw new InfrastructureException("malformed-response", "agent endpoint reply is not the documented JSON: " + e.Message, e); }
            if (reply is null) throw new InfrastructureException("malformed-response", "agent endpoint replied with null");
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var calls = (reply.ToolCalls ?? []).Select(t => new ToolCallRecord(0, t.Name, t.Arguments?.GetRawText() ?? "{}", t.Result?.GetRawText(), t.Error)).ToList();
            var usage = new TokenUsage(reply.Usage?.InputTokens ?? 0, reply.Usage?.OutputTokens ?? 0, reply.Usage?.CostUsd ?? 0);
            var model = reply.Model ?? request.Candidate.ModelId;
            var turn = new ModelTurn(0, model, usage.InputTokens, usage.OutputTokens, latency, reply.FinishReason);
            return new TargetResponse(reply.Output ?? "", new Trajectory([turn], calls), usage, latency, reply.FinishReason, model);
        }
    }

    private sealed record Reply(string? Output, List<ReplyToolCall>? ToolCalls, ReplyUsage? Usage, string? FinishReason, string? Model);
    private sealed record ReplyToolCall(string Name, JsonElement? Arguments, JsonElement? Result, string? Error);
    private sealed record ReplyUsage(long InputTokens, long OutputTokens, decimal CostUsd);
}
