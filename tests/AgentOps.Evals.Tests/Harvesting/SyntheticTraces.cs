using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bogus;

namespace AgentOps.Evals.Tests.Harvesting;

/// <summary>What a generated trace set holds: the PII planted in it and the benign identifiers that must survive.</summary>
internal sealed record SyntheticTraceSet(
    string TracesFile,
    string LogsFile,
    string FeedbackFile,
    IReadOnlyList<string> PiiValues,
    IReadOnlyList<string> BenignValues,
    int Sessions,
    int BadTraceLines,
    int BadFeedbackLines);

/// <summary>
/// Generates realistic OTLP traces of a support agent (GenAI spans with OpenLLMetry-style message JSON, OpenInference
/// flattened spans, GenAI log records), feedback JSONL, fake PII in the conversations and tool results, and benign
/// order numbers, SKUs, amounts and dates that harvest must keep. Deterministic for a seed.
/// </summary>
internal static class SyntheticTraces
{
    public const string Model = "gpt-4.1-mini";
    public const string Tool = "get_order_status";

    public static SyntheticTraceSet Write(string directory, int sessions, int seed, bool badLines = false)
    {
        Directory.CreateDirectory(directory);
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var traces = new StringBuilder();
        var logs = new StringBuilder();
        var feedback = new StringBuilder();
        var pii = new HashSet<string>(StringComparer.Ordinal);
        var benign = new HashSet<string>(StringComparer.Ordinal) { Model, Tool };
        var baseTime = new DateTimeOffset(2026, 6, 28, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < sessions; i++)
        {
            var session = Session(faker, i, baseTime.AddMinutes(7 * i));
            pii.UnionWith(session.Pii);
            benign.UnionWith(session.Benign);
            foreach (var line in session.TraceLines) traces.AppendLine(line);
            foreach (var line in session.LogLines) logs.AppendLine(line);
            if (session.Feedback is { } f) feedback.AppendLine(f);
            if (badLines && i == 1)
            {
                traces.AppendLine("{\"resourceSpans\": [ this is not json");
                feedback.AppendLine("{\"session_id\": \"x\", \"rating\": \"sideways\"}");
                feedback.AppendLine("not json at all");
            }
        }
        var set = new SyntheticTraceSet(Path.Combine(directory, "traces.jsonl"), Path.Combine(directory, "logs.jsonl"), Path.Combine(directory, "feedback.jsonl"),
            [.. pii], [.. benign], sessions, badLines ? 1 : 0, badLines ? 2 : 0);
        File.WriteAllText(set.TracesFile, traces.ToString());
        File.WriteAllText(set.LogsFile, logs.ToString());
        File.WriteAllText(set.FeedbackFile, feedback.ToString());
        return set;
    }

    internal sealed record GeneratedSession(List<string> TraceLines, List<string> LogLines, string? Feedback, List<string> Pii, List<string> Benign);

    internal static GeneratedSession Session(Faker faker, int index, DateTimeOffset start, int? flagKind = null)
    {
        var name = faker.Name.FirstName() + " " + faker.Name.LastName();
        var email = faker.Internet.Email(name.Split(' ')[0], name.Split(' ')[1]).ToLowerInvariant();
        var phone = faker.PickRandom("+1 415 555 ", "(212) 555-", "+44 20 7946 ") + faker.Random.Number(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var card = Card(faker);
        var street = faker.Address.StreetAddress();
        var order = $"ORD-2026-{faker.Random.Number(100000, 999999)}";
        var sku = $"SKU-{faker.Random.Number(1000, 9999)}-{faker.PickRandom("BLK", "WHT", "RED")}";
        var amount = $"${faker.Random.Number(10, 999)}.{faker.Random.Number(0, 99):00}";
        var orderDate = $"2026-06-{faker.Random.Number(1, 27):00}";
        var sessionId = $"sess-{faker.Random.AlphaNumeric(12)}";
        var userId = $"user-{faker.Random.Number(100000, 999999)}";
        var tier = faker.PickRandom("enterprise", "pro", "free");
        var traceId = faker.Random.Hexadecimal(32, "").ToLowerInvariant();
        var flag = flagKind ?? index % 5; // 0 thumbs-down, 1 max-tokens, 2 tool errors, 3 guardrail, 4 none

        var user1 = faker.PickRandom(
            $"Hi, my name is {name}. Where is my order {order}? I ordered {sku} for {amount} on {orderDate}.",
            $"Hello, this is {name} ({email}). Order {order} never arrived, I paid {amount} on {orderDate}.",
            $"My order {order} ({sku}) is late. Please call me on {phone}. Thanks, {name}");
        var user2 = faker.PickRandom(
            $"Please refund to my card {card}, and send the label to {street}.",
            $"You can reach me at {email} or {phone}. The card ending was {card}.",
            $"Ship the replacement to {street} and email {email}.");
        var pii = new List<string> { name, email, phone, card, street, sessionId, userId };
        var benign = new List<string> { order, sku, amount, orderDate };
        var toolResult = new JsonObject { ["order_id"] = order, ["status"] = "in_transit", ["ordered_at"] = orderDate, ["customer_email"] = email, ["total"] = amount };
        var messages = new JsonArray
        {
            Message("system", "You are a support agent for Acme Store."),
            Message("user", user1),
            Message("assistant", "Let me look that up."),
            Message("user", user2),
        };
        var finish = flag == 1 ? "length" : "stop";
        var ns = (ulong)(start - DateTimeOffset.UnixEpoch).Ticks * 100;
        var spans = new List<JsonObject>();
        var rootId = SpanId(faker);
        spans.Add(SpanJson(traceId, rootId, null, "support.conversation", ns, ns + 9_000_000_000,
            [("gen_ai.conversation.id", sessionId), ("user.id", userId), ("customer.tier", tier), ("app.prompt.hash", "3f2a9c1e"),
             .. flag == 3 ? new[] { ("app.guardrail.triggered", (object)true) } : []], error: false));
        var dialect = index % 3;
        var llmId = SpanId(faker);
        for (var t = 0; t < (flag == 2 ? 2 : 1); t++)
        {
            var toolError = flag == 2;
            spans.Add(SpanJson(traceId, SpanId(faker), rootId, $"execute_tool {Tool}", ns + 1_000_000_000 + (ulong)t * 100_000_000, ns + 1_500_000_000 + (ulong)t * 100_000_000,
                [("gen_ai.operation.name", "execute_tool"), ("gen_ai.tool.name", Tool), ("gen_ai.tool.call.arguments", $"{{\"order_id\":\"{order}\"}}"),
                 ("gen_ai.tool.call.result", toolError ? "upstream timeout" : toolResult.ToJsonString())], error: toolError));
        }
        var logLines = new List<string>();
        if (dialect == 0)
        {
            // GenAI spans with OpenLLMetry's message JSON in the parts shape.
            var parts = new JsonArray(messages.Select(m => (JsonNode)new JsonObject { ["role"] = m!["role"]!.GetValue<string>(), ["parts"] = new JsonArray(new JsonObject { ["type"] = "text", ["content"] = m["content"]!.GetValue<string>() }) }).ToArray());
            spans.Add(SpanJson(traceId, llmId, rootId, $"chat {Model}", ns + 2_000_000_000, ns + 5_000_000_000,
                [("gen_ai.operation.name", "chat"), ("gen_ai.provider.name", "openai"), ("gen_ai.request.model", Model), ("gen_ai.response.model", Model),
                 ("gen_ai.usage.input_tokens", 812L), ("gen_ai.usage.output_tokens", flag == 1 ? 1024L : 95L),
                 ("gen_ai.response.finish_reasons", new[] { finish }), ("gen_ai.input.messages", parts.ToJsonString()),
                 ("gen_ai.output.messages", new JsonArray(new JsonObject { ["role"] = "assistant", ["parts"] = new JsonArray(new JsonObject { ["type"] = "text", ["content"] = "Your order is on its way." }), ["finish_reason"] = finish }).ToJsonString())], error: false));
        }
        else if (dialect == 1)
        {
            var attributes = new List<(string, object)> { ("openinference.span.kind", "LLM"), ("llm.model_name", Model), ("llm.token_count.prompt", 812L), ("llm.token_count.completion", flag == 1 ? 1024L : 95L),
                ("session.id", sessionId), ("user.id", userId), ("output.value", $"{{\"choices\":[{{\"finish_reason\":\"{finish}\"}}]}}") };
            for (var m = 0; m < messages.Count; m++)
            {
                attributes.Add(($"llm.input_messages.{m}.message.role", messages[m]!["role"]!.GetValue<string>()));
                attributes.Add(($"llm.input_messages.{m}.message.content", messages[m]!["content"]!.GetValue<string>()));
            }
            attributes.Add(("llm.output_messages.0.message.role", "assistant"));
            attributes.Add(("llm.output_messages.0.message.content", "Your order is on its way."));
            spans.Add(SpanJson(traceId, llmId, rootId, "ChatCompletion", ns + 2_000_000_000, ns + 5_000_000_000, [.. attributes], error: false));
        }
        else
        {
            // The official GenAI instrumentation: no text on the span, messages as log records.
            spans.Add(SpanJson(traceId, llmId, rootId, $"chat {Model}", ns + 2_000_000_000, ns + 5_000_000_000,
                [("gen_ai.operation.name", "chat"), ("gen_ai.system", "openai"), ("gen_ai.request.model", Model), ("gen_ai.usage.input_tokens", "812"),
                 ("gen_ai.usage.output_tokens", flag == 1 ? "1024" : "95")], error: false));
            var records = new JsonArray();
            foreach (var m in messages)
                records.Add(LogRecord(traceId, llmId, ns + 2_000_000_000, $"gen_ai.{m!["role"]!.GetValue<string>()}.message", new JsonObject { ["content"] = m["content"]!.GetValue<string>() }));
            records.Add(LogRecord(traceId, llmId, ns + 5_000_000_000, "gen_ai.choice", new JsonObject { ["index"] = 0, ["finish_reason"] = finish, ["message"] = new JsonObject { ["content"] = "Your order is on its way." } }));
            logLines.Add(new JsonObject { ["resourceLogs"] = new JsonArray(new JsonObject { ["resource"] = new JsonObject { ["attributes"] = new JsonArray() }, ["scopeLogs"] = new JsonArray(new JsonObject { ["scope"] = new JsonObject { ["name"] = "opentelemetry.instrumentation.openai_v2" }, ["logRecords"] = records }) }) }.ToJsonString());
        }
        // Spans of one trace spread over two lines, as the collector batches them.
        var lines = new List<string> { Document(spans.Take(2)), Document(spans.Skip(2)) };
        string? feedback = null;
        if (flag == 0)
        {
            feedback = new JsonObject
            {
                ["session_id"] = sessionId, ["message_id"] = "msg-" + index.ToString(CultureInfo.InvariantCulture), ["rating"] = "down",
                ["category"] = faker.PickRandom("wrong", "unsafe", "unhelpful", "slow"), ["comment"] = $"Agent ignored me. Reach me at {email}",
                ["timestamp"] = start.AddMinutes(3).ToString("O", CultureInfo.InvariantCulture), ["prompt_hash"] = "3f2a9c1e", ["model_id"] = Model,
            }.ToJsonString();
        }
        else if (index % 7 == 4)
        {
            feedback = new JsonObject { ["session_id"] = sessionId, ["rating"] = "up", ["timestamp"] = start.AddMinutes(3).ToString("O", CultureInfo.InvariantCulture) }.ToJsonString();
        }
        return new GeneratedSession(lines, logLines, feedback, pii, benign);
    }

    private static string Card(Faker faker)
    {
        var digits = "4" + faker.Random.ReplaceNumbers("##############");
        for (var c = 0; c <= 9; c++)
        {
            var candidate = digits + c.ToString(CultureInfo.InvariantCulture);
            if (AgentOps.Evals.Harvesting.Anonymization.CheckDigits.Luhn(candidate))
                return $"{candidate[..4]} {candidate[4..8]} {candidate[8..12]} {candidate[12..]}";
        }
        throw new InvalidOperationException();
    }

    private static string SpanId(Faker faker) => faker.Random.Hexadecimal(16, "").ToLowerInvariant();

    private static JsonObject Message(string role, string content) => new() { ["role"] = role, ["content"] = content };

    private static string Document(IEnumerable<JsonObject> spans) =>
        new JsonObject
        {
            ["resourceSpans"] = new JsonArray(new JsonObject
            {
                ["resource"] = new JsonObject { ["attributes"] = new JsonArray(Attribute("service.name", "support-agent")) },
                ["scopeSpans"] = new JsonArray(new JsonObject { ["scope"] = new JsonObject { ["name"] = "support-agent" }, ["spans"] = new JsonArray(spans.Select(s => (JsonNode)s).ToArray()) }),
            }),
        }.ToJsonString();

    private static JsonObject SpanJson(string traceId, string spanId, string? parent, string name, ulong start, ulong end, (string Key, object Value)[] attributes, bool error)
    {
        var span = new JsonObject
        {
            ["traceId"] = traceId, ["spanId"] = spanId, ["name"] = name, ["kind"] = 1,
            ["startTimeUnixNano"] = start.ToString(CultureInfo.InvariantCulture), ["endTimeUnixNano"] = end.ToString(CultureInfo.InvariantCulture),
            ["attributes"] = new JsonArray(attributes.Select(a => (JsonNode)Attribute(a.Key, a.Value)).ToArray()),
            ["status"] = error ? new JsonObject { ["code"] = 2, ["message"] = "tool failed" } : new JsonObject(),
        };
        if (parent is not null) span["parentSpanId"] = parent;
        return span;
    }

    private static JsonObject LogRecord(string traceId, string spanId, ulong time, string eventName, JsonObject body) => new()
    {
        ["timeUnixNano"] = time.ToString(CultureInfo.InvariantCulture), ["traceId"] = traceId, ["spanId"] = spanId, ["eventName"] = eventName,
        ["attributes"] = new JsonArray(Attribute("event.name", eventName)),
        ["body"] = new JsonObject { ["kvlistValue"] = new JsonObject { ["values"] = new JsonArray(body.Select(kv => (JsonNode)new JsonObject { ["key"] = kv.Key, ["value"] = AnyValue(kv.Value) }).ToArray()) } },
    };

    private static JsonObject Attribute(string key, object value) => new() { ["key"] = key, ["value"] = AnyValue(value) };

    private static JsonObject AnyValue(object? value) => value switch
    {
        string s => new JsonObject { ["stringValue"] = s },
        long l => new JsonObject { ["intValue"] = l.ToString(CultureInfo.InvariantCulture) },
        int i => new JsonObject { ["intValue"] = i },
        bool b => new JsonObject { ["boolValue"] = b },
        string[] array => new JsonObject { ["arrayValue"] = new JsonObject { ["values"] = new JsonArray(array.Select(a => (JsonNode)AnyValue(a)).ToArray()) } },
        JsonObject obj => new JsonObject { ["kvlistValue"] = new JsonObject { ["values"] = new JsonArray(obj.Select(kv => (JsonNode)new JsonObject { ["key"] = kv.Key, ["value"] = AnyValue(kv.Value) }).ToArray()) } },
        JsonValue v when v.GetValueKind() == JsonValueKind.String => AnyValue(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => new JsonObject { ["intValue"] = v.ToJsonString() },
        _ => new JsonObject { ["stringValue"] = value?.ToString() ?? "" },
    };
}
