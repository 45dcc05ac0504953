using System.Globalization;
using System.Text.Json.Nodes;
using AgentOps.Evals.Harvesting;

namespace AgentOps.Evals.Tests.Harvesting;

/// <summary>
/// Issue 13: traces in the exact shapes three third-party OpenAI instrumentations write — OpenTelemetry GenAI with the
/// messages as OTLP log events, OpenInference (flattened llm.input_messages.N.message.content, input.value/output.value
/// JSON), OpenLLMetry (gen_ai.input.messages JSON with "parts", traceloop.entity.input/output) — each carrying 30
/// planted values (10 sessions: a self-introduced name, a contact value, and the name again in a tool result or a
/// "Thanks" reply). None may survive into the cases or triage files. Names and sentences here are not the detectors' tuning set.
/// </summary>
public sealed class ThirdPartyShapesLeakTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("agentops-thirdparty").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static readonly string[] Names =
    [
        "Aiko Tanaka", "Priya Raman", "Chinedu Eze", "Ingrid Solberg", "Mateusz Zieliński", "Ayesha Siddiqui", "Tuomas Lehtinen",
        "Nomsa Dlamini", "Kenji Watanabe", "Folasade Ogunleye", "Emeka Nwachukwu", "Ruth Haile", "Anders Lund", "Mariam Haddad",
        "Sipho Khumalo", "Hye-jin Park", "Daniel Mensah", "Olga Petrenko", "Camille Laurent", "Rohan Deshpande", "Astrid Nygaard",
        "Bongani Zwane", "Fatima Benali", "Jonas Weber", "Yuna Kobayashi", "Teodora Ilić", "Kwabena Asante", "Elena Vasquez",
        "Arjun Nair", "Sofie Dahl",
    ];

    private static readonly string[] Intros = ["I'm {0}, my order {1} never arrived.", "Hi, {0} here — {1} came damaged.", "This is {0} about order {1}."];

    private static readonly (string Kind, string Value)[] Contacts =
    [
        ("email", "aiko.tanaka"), ("phone", "+81 90-1234-5678"), ("iban", "GB33 BUKB 2020 1555 5555 55"), ("payment-card", "5555 5555 5555 4444"),
        ("street-address", "27 Wharf Road, London N1 7GR"), ("email", "p.raman"), ("phone", "+91 98765 43210"), ("iban", "de44500105175407324931"),
        ("payment-card", "4012-8888-8888-1881"), ("street-address", "Storgata 12, 0155 Oslo"),
    ];

    private static string ContactText((string Kind, string Value) contact) =>
        contact.Kind == "email" ? contact.Value + "@example.net" : contact.Value;

    public static TheoryData<string> Libraries => new() { "otel-genai-logs", "openllmetry" };

    [Fact]
    public Task None_of_30_planted_values_leak_in_the_openinference_shape() => None_of_30_planted_values_leak("openinference");

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task None_of_30_planted_values_leak(string library)
    {
        var offset = library switch { "otel-genai-logs" => 0, "openinference" => 10, _ => 20 };
        var traces = new List<string>();
        var feedback = new List<string>();
        var planted = new List<(string Kind, string Value)>();
        for (var i = 0; i < 10; i++)
        {
            var name = Names[offset + i];
            var contact = Contacts[i];
            var sid = $"sess-{library}-{i}";
            var order = $"A-{31000 + offset * 10 + i}";
            var user = string.Format(CultureInfo.InvariantCulture, Intros[i % Intros.Length], name, order) + " Reach me at " + ContactText(contact) + ".";
            var inToolResult = i % 2 == 0;
            var assistant = inToolResult ? "Let me look that up." : $"Thanks {name.Split(' ')[0]}, checking {order} now.";
            var result = new JsonObject { ["order_id"] = order, ["status"] = "lost" };
            if (inToolResult) result["recipient"] = name;
            planted.Add(("person-name", name));
            planted.Add(contact);
            planted.Add(("person-name", name.Split(' ')[0]));
            traces.AddRange(library switch
            {
                "otel-genai-logs" => OtelGenAiWithLogs(i, sid, user, assistant, order, result),
                "openinference" => OpenInference(i, sid, user, assistant, order, result),
                _ => OpenLlmetry(i, sid, user, assistant, order, result),
            });
            feedback.Add(new JsonObject { ["session_id"] = sid, ["rating"] = "down", ["comment"] = "wrong answer", ["timestamp"] = "2026-06-28T09:30:00Z" }.ToJsonString());
        }
        var tracesFile = Path.Combine(root, "traces.jsonl");
        File.WriteAllLines(tracesFile, traces);
        File.WriteAllLines(Path.Combine(root, "feedback.jsonl"), feedback);

        var summary = await new HarvestJob().RunAsync(new HarvestRequest
        {
            Traces = [tracesFile],
            Feedback = [Path.Combine(root, "feedback.jsonl")],
            Out = Path.Combine(root, "out"),
            EphemeralKey = true,
            Limit = 100,
        }, CancellationToken.None);

        Assert.Equal(10, summary.CasesWritten.Count);
        var fields = HarvestOutputLeaks.Fields(Path.Combine(root, "out"));
        // The dialect must really have read the messages: the order ids from the user text are in the cases.
        Assert.Contains(fields, f => f.Contains("never arrived", StringComparison.Ordinal) || f.Contains("came damaged", StringComparison.Ordinal));
        Assert.Equal(30, planted.Count);
        var leaks = planted.Select(p => (p, hit: HarvestOutputLeaks.Leaked(p.Kind, p.Value, fields))).Where(x => x.hit is not null)
            .Select(x => $"{x.p.Kind}: {x.p.Value} (found {x.hit})").ToList();
        Assert.True(leaks.Count == 0, $"{library}: {leaks.Count} of 30 leaked:\n" + string.Join("\n", leaks));
    }

    private static string Nano(int i, int plusMs) =>
        ((ulong)(new DateTimeOffset(2026, 6, 28, 9, 0, 0, TimeSpan.Zero).AddMinutes(i).AddMilliseconds(plusMs) - DateTimeOffset.UnixEpoch).Ticks * 100).ToString(CultureInfo.InvariantCulture);

    private static JsonObject Attr(string key, object value) => new()
    {
        ["key"] = key,
        ["value"] = value is long l ? new JsonObject { ["intValue"] = l.ToString(CultureInfo.InvariantCulture) } : new JsonObject { ["stringValue"] = (string)value },
    };

    private static JsonObject Span(int i, int n, int? parent, string name, params JsonObject[] attributes)
    {
        var span = new JsonObject
        {
            ["traceId"] = $"{i + 1:x32}", ["spanId"] = $"{i + 1:x8}{n:x8}", ["name"] = name, ["kind"] = 1,
            ["startTimeUnixNano"] = Nano(i, n * 10), ["endTimeUnixNano"] = Nano(i, n * 10 + 800),
            ["attributes"] = new JsonArray(attributes.Select(a => (JsonNode)a).ToArray()), ["status"] = new JsonObject(),
        };
        if (parent is { } p) span["parentSpanId"] = $"{i + 1:x8}{p:x8}";
        return span;
    }

    private static string Traces(string scope, params JsonObject[] spans) => new JsonObject
    {
        ["resourceSpans"] = new JsonArray(new JsonObject
        {
            ["resource"] = new JsonObject { ["attributes"] = new JsonArray(Attr("service.name", "support-agent")) },
            ["scopeSpans"] = new JsonArray(new JsonObject { ["scope"] = new JsonObject { ["name"] = scope }, ["spans"] = new JsonArray(spans.Select(s => (JsonNode)s).ToArray()) }),
        }),
    }.ToJsonString();

    private static JsonObject KvList(params (string Key, JsonObject Value)[] values) => new()
    {
        ["kvlistValue"] = new JsonObject { ["values"] = new JsonArray(values.Select(v => (JsonNode)new JsonObject { ["key"] = v.Key, ["value"] = v.Value }).ToArray()) },
    };

    private static JsonObject Str(string s) => new() { ["stringValue"] = s };

    /// <summary>opentelemetry-instrumentation-openai-v2: spans without content, the messages as log events on the chat span.</summary>
    private static IEnumerable<string> OtelGenAiWithLogs(int i, string sid, string user, string assistant, string order, JsonObject result)
    {
        yield return Traces("opentelemetry.instrumentation.openai_v2",
            Span(i, 1, null, "support.conversation", Attr("gen_ai.conversation.id", sid)),
            Span(i, 2, 1, "chat gpt-4o-mini", Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.system", "openai"), Attr("gen_ai.request.model", "gpt-4o-mini"),
                Attr("gen_ai.usage.input_tokens", 300L), Attr("gen_ai.usage.output_tokens", 40L), Attr("gen_ai.response.finish_reasons", "stop")),
            Span(i, 3, 1, "execute_tool lookup_order", Attr("gen_ai.operation.name", "execute_tool"), Attr("gen_ai.tool.name", "lookup_order"),
                Attr("gen_ai.tool.call.arguments", new JsonObject { ["order_id"] = order }.ToJsonString()), Attr("gen_ai.tool.call.result", result.ToJsonString())));
        JsonObject Record(string eventName, JsonObject body) => new()
        {
            ["timeUnixNano"] = Nano(i, 25), ["traceId"] = $"{i + 1:x32}", ["spanId"] = $"{i + 1:x8}{2:x8}", ["eventName"] = eventName,
            ["attributes"] = new JsonArray(Attr("gen_ai.system", "openai")), ["body"] = body,
        };
        yield return new JsonObject
        {
            ["resourceLogs"] = new JsonArray(new JsonObject
            {
                ["resource"] = new JsonObject { ["attributes"] = new JsonArray(Attr("service.name", "support-agent")) },
                ["scopeLogs"] = new JsonArray(new JsonObject
                {
                    ["scope"] = new JsonObject { ["name"] = "opentelemetry.instrumentation.openai_v2" },
                    ["logRecords"] = new JsonArray(
                        Record("gen_ai.system.message", KvList(("content", Str("You are a support agent.")))),
                        Record("gen_ai.user.message", KvList(("content", Str(user)))),
                        Record("gen_ai.choice", KvList(("index", new JsonObject { ["intValue"] = "0" }), ("finish_reason", Str("stop")),
                            ("message", KvList(("role", Str("assistant")), ("content", Str(assistant))))))),
                }),
            }),
        }.ToJsonString();
    }

    /// <summary>openinference-instrumentation-openai: flattened messages, raw request/response JSON in input.value/output.value.</summary>
    private static IEnumerable<string> OpenInference(int i, string sid, string user, string assistant, string order, JsonObject result)
    {
        var request = new JsonObject { ["model"] = "gpt-4o-mini", ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = user }) };
        var response = new JsonObject { ["choices"] = new JsonArray(new JsonObject { ["finish_reason"] = "stop", ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = assistant } }) };
        yield return Traces("openinference.instrumentation.openai",
            Span(i, 1, null, "agent", Attr("openinference.span.kind", "AGENT"), Attr("session.id", sid), Attr("input.value", user), Attr("output.value", assistant)),
            Span(i, 2, 1, "ChatCompletion", Attr("openinference.span.kind", "LLM"), Attr("llm.model_name", "gpt-4o-mini"),
                Attr("llm.input_messages.0.message.role", "user"), Attr("llm.input_messages.0.message.content", user),
                Attr("llm.output_messages.0.message.role", "assistant"), Attr("llm.output_messages.0.message.content", assistant),
                Attr("llm.token_count.prompt", 300L), Attr("llm.token_count.completion", 40L),
                Attr("input.value", request.ToJsonString()), Attr("input.mime_type", "application/json"),
                Attr("output.value", response.ToJsonString()), Attr("output.mime_type", "application/json")),
            Span(i, 3, 1, "lookup_order", Attr("openinference.span.kind", "TOOL"), Attr("tool.name", "lookup_order"),
                Attr("input.value", new JsonObject { ["order_id"] = order }.ToJsonString()), Attr("output.value", result.ToJsonString())));
    }

    /// <summary>opentelemetry-instrumentation-openai (OpenLLMetry) newer releases: gen_ai.input/output.messages with parts.</summary>
    private static IEnumerable<string> OpenLlmetry(int i, string sid, string user, string assistant, string order, JsonObject result)
    {
        JsonArray Parts(string role, string text, string? finish = null)
        {
            var message = new JsonObject { ["role"] = role, ["parts"] = new JsonArray(new JsonObject { ["type"] = "text", ["content"] = text }) };
            if (finish is not null) message["finish_reason"] = finish;
            return new JsonArray(message);
        }
        yield return Traces("opentelemetry.instrumentation.openai.v1",
            Span(i, 1, null, "support.workflow", Attr("traceloop.span.kind", "workflow"), Attr("traceloop.association.properties.session_id", sid)),
            Span(i, 2, 1, "openai.chat", Attr("llm.request.type", "chat"), Attr("gen_ai.system", "openai"), Attr("gen_ai.request.model", "gpt-4o-mini"),
                Attr("gen_ai.input.messages", Parts("user", user).ToJsonString()), Attr("gen_ai.output.messages", Parts("assistant", assistant, "stop").ToJsonString()),
                Attr("llm.usage.prompt_tokens", 300L), Attr("llm.usage.completion_tokens", 40L), Attr("traceloop.association.properties.session_id", sid)),
            Span(i, 3, 1, "lookup_order.tool", Attr("traceloop.span.kind", "tool"), Attr("traceloop.entity.name", "lookup_order"),
                Attr("traceloop.entity.input", new JsonObject { ["order_id"] = order }.ToJsonString()), Attr("traceloop.entity.output", result.ToJsonString()),
                Attr("traceloop.association.properties.session_id", sid)));
    }
}
