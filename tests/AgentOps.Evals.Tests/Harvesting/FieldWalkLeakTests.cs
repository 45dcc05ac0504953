using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AgentOps.Evals.Harvesting;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Tests.Harvesting;

/// <summary>
/// Issue 13.1: plants originals in every field a trace and its feedback can carry (message text, tool span name, JSON
/// keys of tool arguments and results, customer tier, feedback category and prompt hash, model attribute), harvests,
/// then walks every key and scalar of the written case and of triage.json, and the text of triage.md.
/// </summary>
public sealed class FieldWalkLeakTests : IDisposable
{
    private static readonly byte[] Key = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray();
    private readonly string root = Path.Combine(Path.GetTempPath(), "agentops-fieldwalk-" + Guid.NewGuid().ToString("N"));

    /// <summary>Each planted value, and the fragments of it that must not survive either.</summary>
    private static readonly string[] Planted =
    [
        "margarethe", "vandenberg", "Dmitri", "Lindqvist", "179 Herengracht", "bianca.rossi", "example.it", "dmitri.lindqvist",
        "de89 3704 0044 0532 0130 00", "yuki.tanaka", "priya [at] example (dot) com", "cHJpeWEucmFtYW5AZXhhbXBsZS5jb20=",
        "4111 1111 1111 1111", "+44 7700 900123",
    ];

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task No_planted_original_survives_in_any_field_of_the_case_or_the_triage_files()
    {
        var traces = Path.Combine(root, "traces");
        var feedbackDir = Path.Combine(root, "feedback");
        Directory.CreateDirectory(traces);
        Directory.CreateDirectory(feedbackDir);
        File.WriteAllText(Path.Combine(traces, "t.jsonl"), Trace() + "\n");
        File.WriteAllText(Path.Combine(feedbackDir, "f.jsonl"), new JsonObject
        {
            ["session_id"] = "sess-fieldwalk-1", ["rating"] = "down", ["category"] = "bianca.rossi@example.it",
            ["comment"] = "Dmitri Lindqvist here, nobody called +44 7700 900123", ["timestamp"] = "2026-06-28T09:03:00Z",
            ["prompt_hash"] = "margarethe vandenberg", ["model_id"] = "gpt-4o for dmitri.lindqvist@example.se",
        }.ToJsonString() + "\n");
        var request = new HarvestRequest
        {
            Traces = [Path.Combine(traces, "*.jsonl")],
            Feedback = [Path.Combine(feedbackDir, "f.jsonl")],
            Out = Path.Combine(root, "out"),
            Key = Key,
            MappingStore = Path.Combine(root, "mapping.db"),
            Limit = 10,
            Time = new Fixed(new DateTimeOffset(2026, 6, 30, 2, 0, 0, TimeSpan.Zero)),
        };

        var summary = await new HarvestJob().RunAsync(request, CancellationToken.None);

        Assert.Single(summary.CasesWritten);
        var fields = new List<string>();
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(summary.CasesWritten[0])));
        Walk(yaml.Documents[0].RootNode, fields);
        Walk(JsonNode.Parse(File.ReadAllText(summary.TriageJson!)), fields);
        fields.Add(File.ReadAllText(summary.TriageMarkdown!));
        Assert.True(fields.Count > 40, $"walked only {fields.Count} fields");
        var leaks = (from field in fields from planted in Planted where field.Contains(planted, StringComparison.OrdinalIgnoreCase) select $"{planted} in \"{field}\"").ToList();
        Assert.True(leaks.Count == 0, "leaked: " + string.Join(" | ", leaks));
        // The benign order id is data the case needs: it stays.
        Assert.Contains(fields, f => f.Contains("A-22653", StringComparison.Ordinal));
    }

    private sealed class Fixed(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static void Walk(YamlNode node, List<string> fields)
    {
        switch (node)
        {
            case YamlScalarNode scalar: fields.Add(scalar.Value ?? ""); break;
            case YamlSequenceNode sequence: foreach (var child in sequence) Walk(child, fields); break;
            case YamlMappingNode mapping:
                foreach (var (k, v) in mapping) { Walk(k, fields); Walk(v, fields); }
                break;
        }
    }

    private static void Walk(JsonNode? node, List<string> fields)
    {
        switch (node)
        {
            case JsonObject obj: foreach (var (k, v) in obj) { fields.Add(k); Walk(v, fields); } break;
            case JsonArray array: foreach (var item in array) Walk(item, fields); break;
            case JsonValue value: fields.Add(value.ToJsonString().Trim('"')); break;
        }
    }

    private static string Trace()
    {
        const string traceId = "0af7651916cd43dd8448eb211c80319c";
        var messages = new JsonArray(
            Message("system", "You are a support agent."),
            Message("user", "my name is margarethe vandenberg. Ship A-22653 to Dmitri Lindqvist, 179 Herengracht please."),
            Message("assistant", "Sure, let me check."),
            Message("user", "refund iban de89 3704 0044 0532 0130 00 or card 4111 1111 1111 1111; mail priya [at] example (dot) com or cHJpeWEucmFtYW5AZXhhbXBsZS5jb20= or yuki.tanaka@example.jp"));
        var spans = new JsonArray(
            Span(traceId, "b7ad6b7169203331", null, "support.conversation",
                Attr("gen_ai.conversation.id", "sess-fieldwalk-1"), Attr("customer.tier", "Dmitri Lindqvist"), Attr("app.prompt.hash", "margarethe vandenberg")),
            Span(traceId, "c7ad6b7169203332", "b7ad6b7169203331", "execute_tool send_invoice_to_bianca.rossi@example.it",
                Attr("gen_ai.operation.name", "execute_tool"),
                Attr("gen_ai.tool.call.arguments", "{\"bianca.rossi@example.it\":{\"order\":\"A-22653\"}}"),
                Attr("gen_ai.tool.call.result", "{\"Dmitri Lindqvist\":\"vip\",\"order\":\"A-22653\",\"dmitri.lindqvist@example.se\":true}")),
            Span(traceId, "d7ad6b7169203333", "b7ad6b7169203331", "chat gpt-4o",
                Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "gpt-4o for dmitri.lindqvist@example.se"),
                Attr("gen_ai.input.messages", messages.ToJsonString()), Attr("gen_ai.response.finish_reasons", "Dmitri Lindqvist")));
        return new JsonObject
        {
            ["resourceSpans"] = new JsonArray(new JsonObject
            {
                ["resource"] = new JsonObject { ["attributes"] = new JsonArray(Attr("service.name", "support-agent"), Attr("app.owner", "bianca.rossi@example.it")) },
                ["scopeSpans"] = new JsonArray(new JsonObject { ["scope"] = new JsonObject { ["name"] = "s" }, ["spans"] = spans }),
            }),
        }.ToJsonString();
    }

    private static JsonObject Message(string role, string content) => new() { ["role"] = role, ["content"] = content };

    private static JsonObject Attr(string key, string value) => new() { ["key"] = key, ["value"] = new JsonObject { ["stringValue"] = value } };

    private static JsonObject Span(string traceId, string spanId, string? parent, string name, params JsonObject[] attributes)
    {
        var start = (ulong)(new DateTimeOffset(2026, 6, 28, 9, 0, 0, TimeSpan.Zero) - DateTimeOffset.UnixEpoch).Ticks * 100;
        var span = new JsonObject
        {
            ["traceId"] = traceId, ["spanId"] = spanId, ["name"] = name, ["kind"] = 1,
            ["startTimeUnixNano"] = start.ToString(CultureInfo.InvariantCulture), ["endTimeUnixNano"] = (start + 1_000_000_000).ToString(CultureInfo.InvariantCulture),
            ["attributes"] = new JsonArray(attributes.Select(a => (JsonNode)a).ToArray()),
            ["status"] = new JsonObject(),
        };
        if (parent is not null) span["parentSpanId"] = parent;
        return span;
    }
}
