using System.Globalization;
using System.Text.Json.Nodes;
using AgentOps.Evals.Harvesting;

namespace AgentOps.Evals.Tests.Harvesting;

/// <summary>
/// Issue 13, session-4 coverage: the fields the first field walk did not reach, written the way the official OTel GenAI
/// instrumentation and bench/harvest/planted2/make_planted2.py write them. The conversation rides only in log records
/// (gen_ai.user/assistant.message bodies), a phone sits in a resource attribute, a name in a span event, and an e-mail and
/// a name in a gen_ai.evaluation.result explanation (the only verdict, so it is what flags the session). None may survive
/// into the case file, its title, or the triage files.
/// </summary>
public sealed class LogRecordFieldLeakTests : IDisposable
{
    private static readonly byte[] Key = Enumerable.Range(11, 32).Select(i => (byte)i).ToArray();
    private readonly string root = Directory.CreateTempSubdirectory("agentops-logrecords").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>Planted values with their kind, in HarvestOutputLeaks' terms (a name leaks by any of its tokens).</summary>
    private static readonly (string Kind, string Value)[] Planted =
    [
        ("person-name", "Oyunchimeg Dorjsuren"), ("email", "oyunchimeg.dorjsuren"), ("phone", "+976 8811 4520"),
        ("person-name", "Wiremu Tamihana"), ("person-name", "Aroha Ngata"), ("email", "aroha.ngata"),
        ("street-address", "57 Ponsonby Road, Grey Lynn, Auckland 1021"),
    ];

    [Fact]
    public async Task No_planted_value_in_log_records_resource_attributes_span_events_or_evaluation_explanations_leaks()
    {
        var traces = Path.Combine(root, "traces");
        Directory.CreateDirectory(traces);
        File.WriteAllLines(Path.Combine(traces, "t.jsonl"), [Spans(), Logs()]);
        var request = new HarvestRequest
        {
            Traces = [Path.Combine(traces, "*.jsonl")],
            Out = Path.Combine(root, "out"),
            Key = Key,
            MappingStore = Path.Combine(root, "mapping.db"),
            Limit = 10,
            Time = new Fixed(new DateTimeOffset(2026, 9, 15, 2, 0, 0, TimeSpan.Zero)),
        };

        var summary = await new HarvestJob().RunAsync(request, CancellationToken.None);

        // The session was harvested from log records alone: its messages reached the case (the order id survives).
        Assert.Single(summary.CasesWritten);
        var fields = HarvestOutputLeaks.Fields(request.Out);
        Assert.Contains(fields, f => f.Contains("NW-4417-QB", StringComparison.Ordinal));
        Assert.Contains(fields, f => f.Contains("never showed up", StringComparison.Ordinal));
        var leaks = Planted.Select(p => (p.Value, Leaked: HarvestOutputLeaks.Leaked(p.Kind, p.Value, fields)))
            .Where(p => p.Leaked is not null).Select(p => $"{p.Leaked} (of {p.Value})").ToList();
        Assert.True(leaks.Count == 0, "leaked: " + string.Join(" | ", leaks));
    }

    private sealed class Fixed(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private const string TraceId = "000000000000000000000000000a11ce";
    private const ulong Start = 1_789_980_000_000_000_000;

    private static JsonArray Resource() =>
        [Attr("service.name", "northwind-agent"), Attr("host.name", "agent-7"), Attr("enduser.contact", "+976 8811 4520")];

    private static string Spans()
    {
        var spans = new JsonArray(
            Span(1, null, "invoke_agent northwind", [Attr("gen_ai.conversation.id", "conv-logs-1"), Attr("customer.tier", "standard")],
                new JsonArray(new JsonObject
                {
                    ["timeUnixNano"] = (Start + 5).ToString(CultureInfo.InvariantCulture), ["name"] = "agent.note",
                    ["attributes"] = new JsonArray(Attr("note", "escalated by Wiremu Tamihana")),
                })),
            Span(2, 1, "chat gpt-4.1-mini", [Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "gpt-4.1-mini")], null),
            Span(3, 1, "execute_tool track_parcel", [Attr("gen_ai.operation.name", "execute_tool"), Attr("gen_ai.tool.name", "track_parcel"),
                Attr("gen_ai.tool.call.arguments", "{\"order_ref\":\"NW-4417-QB\"}"), Attr("gen_ai.tool.call.result", "{\"order_ref\":\"NW-4417-QB\",\"state\":\"in_transit\"}")], null));
        return new JsonObject
        {
            ["resourceSpans"] = new JsonArray(new JsonObject
            {
                ["resource"] = new JsonObject { ["attributes"] = Resource() },
                ["scopeSpans"] = new JsonArray(new JsonObject { ["scope"] = new JsonObject { ["name"] = "northwind.agent" }, ["spans"] = spans }),
            }),
        }.ToJsonString();
    }

    private static string Logs()
    {
        var records = new JsonArray(
            Record("gen_ai.user.message", "yo its oyunchimeg dorjsuren again, NW-4417-QB never showed up\nmy email is oyunchimeg.dorjsuren@mail.ru", [], 12),
            Record("gen_ai.assistant.message", "Sorry about that, Oyunchimeg. I have opened a trace on NW-4417-QB.", [], 13),
            Record("gen_ai.user.message", "also send it to Aroha Ngata at 57 Ponsonby Road, Grey Lynn, Auckland 1021", [], 14),
            Record("gen_ai.evaluation.result", null,
                [Attr("gen_ai.evaluation.name", "helpfulness"), Attr("gen_ai.evaluation.score.label", "fail"),
                 Attr("gen_ai.evaluation.explanation", "Aroha gave aroha.ngata@icloud.com twice and it was ignored")], 30));
        return new JsonObject
        {
            ["resourceLogs"] = new JsonArray(new JsonObject
            {
                ["resource"] = new JsonObject { ["attributes"] = Resource() },
                ["scopeLogs"] = new JsonArray(new JsonObject
                {
                    ["scope"] = new JsonObject { ["name"] = "opentelemetry.instrumentation.openai_v2" }, ["logRecords"] = records,
                }),
            }),
        }.ToJsonString();
    }

    private static JsonObject Record(string name, string? content, JsonObject[] attributes, ulong offset)
    {
        var record = new JsonObject
        {
            ["timeUnixNano"] = (Start + offset).ToString(CultureInfo.InvariantCulture), ["traceId"] = TraceId, ["spanId"] = SpanId(2),
            ["eventName"] = name, ["attributes"] = new JsonArray(attributes.Select(a => (JsonNode)a).ToArray()),
        };
        if (content is not null)
            record["body"] = new JsonObject { ["kvlistValue"] = new JsonObject { ["values"] = new JsonArray(new JsonObject { ["key"] = "content", ["value"] = new JsonObject { ["stringValue"] = content } }) } };
        return record;
    }

    private static string SpanId(int n) => n.ToString("x16", CultureInfo.InvariantCulture);

    private static JsonObject Attr(string key, string value) => new() { ["key"] = key, ["value"] = new JsonObject { ["stringValue"] = value } };

    private static JsonObject Span(int n, int? parent, string name, JsonObject[] attributes, JsonArray? events)
    {
        var start = Start + (ulong)n * 10;
        var span = new JsonObject
        {
            ["traceId"] = TraceId, ["spanId"] = SpanId(n), ["name"] = name, ["kind"] = 1,
            ["startTimeUnixNano"] = start.ToString(CultureInfo.InvariantCulture), ["endTimeUnixNano"] = (start + 700_000_000).ToString(CultureInfo.InvariantCulture),
            ["attributes"] = new JsonArray(attributes.Select(a => (JsonNode)a).ToArray()), ["status"] = new JsonObject(),
        };
        if (parent is not null) span["parentSpanId"] = SpanId(parent.Value);
        if (events is not null) span["events"] = events;
        return span;
    }
}
