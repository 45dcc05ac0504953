using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Tests.TestSupport;

/// <summary>Small builders for golden cases in tests.</summary>
internal static class TestCases
{
    public static GoldenCase Make(string id, string userMessage = "Where is my order A-1001?", IReadOnlyList<MockTool>? tools = null, params AssertionSpec[] expect) => new()
    {
        Id = id,
        Title = id,
        Suite = "orders",
        Input = new CaseInput([new CaseMessage("user", userMessage)], new Dictionary<string, string> { ["customer_tier"] = "gold" }, [], tools ?? []),
        Expect = expect,
        Location = new SourceLocation($"golden-set/orders/{id}.yaml", 1, 1),
    };

    public static AssertionSpec Assert(string type, object? value = null, string field = "value")
    {
        var args = new JsonObject();
        if (value is not null) args[field] = JsonValue.Create(value);
        return new AssertionSpec(type, args, new SourceLocation("test.yaml", 1, 1));
    }

    public static MockTool OrderTool() => new(
        "get_order_status", "Look up an order",
        JsonNode.Parse("""{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}""")!.AsObject(),
        JsonNode.Parse("""{"status":"delivered","delivered_at":"2026-06-01"}"""));
}
