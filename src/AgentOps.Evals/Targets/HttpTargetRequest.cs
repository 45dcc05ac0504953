using System.Text.Json;

namespace AgentOps.Evals.Targets;

/// <summary>The http target's request body for a trial, serialized once: the same bytes are sent on every retry, carry a
/// Content-Length (no chunked encoding, which plain servers can't read), and key the trial's cassette entry.</summary>
internal static class HttpTargetRequest
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static byte[] Body(TrialRequest request)
    {
        var c = request.Case;
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            case_id = c.Id,
            trial = request.TrialIndex,
            candidate = request.Candidate.Name,
            messages = c.Input.Messages.Select(m => new { role = m.Role, content = m.Content }),
            vars = c.Input.Vars,
            context = c.Input.Context,
            tools = c.Input.Tools.Select(t => new { name = t.Name, description = t.Description, parameters = t.Parameters, returns = t.Returns }),
        }, s_json);
    }

    /// <summary>The cassette key of a body: first 16 hex of its SHA-256.</summary>
    public static string Key(byte[] body) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..16];
}
