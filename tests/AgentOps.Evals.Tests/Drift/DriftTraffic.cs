using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AgentOps.Evals.Tests.Drift;

/// <summary>One generated production query: its opening user message, the intent that produced it (ground truth), and its facts.</summary>
internal sealed record TrafficQuery(string Intent, string Text, DateTimeOffset Start, string? Locale = null, string Model = "gpt-4.1-mini",
    string Prompt = "3f2a9c1e", string? Tool = "get_order_status", bool ThumbsDown = false);

/// <summary>
/// Writes generated production traffic as OTLP JSON lines the way the collector's file exporter does (a conversation
/// root span with session and locale attributes, a tool span, a GenAI chat span with the messages in the parts shape)
/// and feedback JSON lines for the thumbs-down. Shared by the drift tests and bench/drift (linked there).
/// </summary>
internal static class DriftTraffic
{
    public static (string Traces, string Feedback) Write(string directory, IReadOnlyList<TrafficQuery> queries)
    {
        Directory.CreateDirectory(directory);
        var traces = new StringBuilder();
        var feedback = new StringBuilder();
        for (var i = 0; i < queries.Count; i++)
        {
            var q = queries[i];
            var traceId = TraceId(i);
            var session = "sess-" + Hex(i, 12, 0xfeed);
            var ns = (ulong)(q.Start - DateTimeOffset.UnixEpoch).Ticks * 100;
            var rootAttributes = new List<(string, string)> { ("gen_ai.conversation.id", session), ("app.prompt.hash", q.Prompt) };
            if (q.Locale is not null) rootAttributes.Add(("user.locale", q.Locale));
            var spans = new JsonArray { Span(traceId, Hex(i, 16, 1), "support.conversation", ns, ns + 9_000_000_000, rootAttributes) };
            if (q.Tool is not null)
                spans.Add(Span(traceId, Hex(i, 16, 2), "execute_tool " + q.Tool, ns + 1_000_000_000, ns + 1_500_000_000,
                    [("gen_ai.operation.name", "execute_tool"), ("gen_ai.tool.name", q.Tool)]));
            var messages = new JsonArray(
                new JsonObject { ["role"] = "system", ["parts"] = new JsonArray(new JsonObject { ["type"] = "text", ["content"] = "You are a support agent for Acme Store." }) },
                new JsonObject { ["role"] = "user", ["parts"] = new JsonArray(new JsonObject { ["type"] = "text", ["content"] = q.Text }) });
            spans.Add(Span(traceId, Hex(i, 16, 3), "chat " + q.Model, ns + 2_000_000_000, ns + 5_000_000_000,
                [("gen_ai.operation.name", "chat"), ("gen_ai.request.model", q.Model), ("gen_ai.input.messages", messages.ToJsonString())]));
            traces.AppendLine(new JsonObject
            {
                ["resourceSpans"] = new JsonArray(new JsonObject
                {
                    ["resource"] = new JsonObject { ["attributes"] = new JsonArray(Attribute("service.name", "support-agent")) },
                    ["scopeSpans"] = new JsonArray(new JsonObject { ["scope"] = new JsonObject { ["name"] = "support-agent" }, ["spans"] = spans }),
                }),
            }.ToJsonString());
            if (q.ThumbsDown)
                feedback.AppendLine(new JsonObject { ["session_id"] = session, ["rating"] = "down", ["category"] = "wrong", ["timestamp"] = q.Start.AddMinutes(2).ToString("O", CultureInfo.InvariantCulture) }.ToJsonString());
        }
        var tracesFile = Path.Combine(directory, "traces.jsonl");
        var feedbackFile = Path.Combine(directory, "feedback.jsonl");
        File.WriteAllText(tracesFile, traces.ToString());
        File.WriteAllText(feedbackFile, feedback.ToString());
        return (tracesFile, feedbackFile);
    }

    private static JsonObject Span(string traceId, string spanId, string name, ulong start, ulong end, IEnumerable<(string Key, string Value)> attributes) => new()
    {
        ["traceId"] = traceId,
        ["spanId"] = spanId,
        ["name"] = name,
        ["kind"] = 1,
        ["startTimeUnixNano"] = start.ToString(CultureInfo.InvariantCulture),
        ["endTimeUnixNano"] = end.ToString(CultureInfo.InvariantCulture),
        ["attributes"] = new JsonArray(attributes.Select(a => (JsonNode)Attribute(a.Key, a.Value)).ToArray()),
        ["status"] = new JsonObject(),
    };

    private static JsonObject Attribute(string key, string value) => new() { ["key"] = key, ["value"] = new JsonObject { ["stringValue"] = value } };

    /// <summary>The trace id the i-th query is written under.</summary>
    public static string TraceId(int i) => Hex(i, 32, 0x5eed);

    /// <summary>A deterministic hex id of the given length for query i.</summary>
    private static string Hex(int i, int length, int salt)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i * 7919 + salt));
        return Convert.ToHexStringLower(hash)[..length];
    }
}
