using AgentOps.Evals.Config;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.Running;

public sealed class ChatTargetTests
{
    private static readonly CandidateIdentity Prod = new("prod", "gpt-4.1-mini", "abcd1234", "test", "0.1.0");

    [Fact]
    public async Task The_tool_loop_answers_mocked_tools_and_records_the_trajectory()
    {
        IList<ChatMessage>? secondCall = null;
        var client = new ScriptedChatClient((messages, options, call) =>
        {
            if (call == 1)
            {
                Assert.Equal("get_order_status", Assert.Single(options!.Tools!).Name);
                return ScriptedChatClient.ToolCall("get_order_status", new() { ["order_id"] = "A-1001" });
            }
            secondCall = messages;
            return ScriptedChatClient.Text("Your order was delivered on 2026-06-01.");
        });
        var prompt = new PromptTemplate("p.md", "You help {{customer_tier}} customers. support-agent v3");
        var target = new ChatTarget(client, "gpt-4.1-mini", prompt, maxToolIterations: 8);
        var goldenCase = TestCases.Make("orders-001", tools: [TestCases.OrderTool()]);

        var response = await target.RespondAsync(new TrialRequest(goldenCase, 0, Prod), CancellationToken.None);

        Assert.Equal("Your order was delivered on 2026-06-01.", response.Output);
        Assert.False(response.CircuitBreaker);
        Assert.Equal(2, response.Trajectory.Turns.Count);
        var call = Assert.Single(response.Trajectory.ToolCalls);
        Assert.Equal("get_order_status", call.Name);
        Assert.Contains("A-1001", call.ArgumentsJson);
        Assert.Contains("delivered", call.ResultJson);
        Assert.Equal(22, response.Usage.InputTokens);
        Assert.Equal("You help gold customers. support-agent v3", secondCall![0].Text);
        Assert.Contains(secondCall, m => m.Role == ChatRole.Tool && m.Contents.OfType<FunctionResultContent>().Any());
    }

    [Fact]
    public async Task An_agent_that_never_stops_calling_tools_trips_the_circuit_breaker_instead_of_looping()
    {
        var client = new ScriptedChatClient((_, _, call) => ScriptedChatClient.ToolCall("get_order_status", new() { ["order_id"] = "A-" + call }, "call_" + call));
        var target = new ChatTarget(client, "m", null, maxToolIterations: 3);
        var response = await target.RespondAsync(new TrialRequest(TestCases.Make("loop", tools: [TestCases.OrderTool()]), 0, Prod), CancellationToken.None);
        Assert.True(response.CircuitBreaker);
        Assert.Equal(4, client.Calls);
        Assert.Equal(3, response.Trajectory.ToolCalls.Count);
    }

    [Fact]
    public async Task A_call_to_a_tool_the_case_does_not_offer_is_recorded_as_a_tool_error()
    {
        var client = new ScriptedChatClient((_, _, call) => call == 1 ? ScriptedChatClient.ToolCall("delete_account", new()) : ScriptedChatClient.Text("done"));
        var target = new ChatTarget(client, "m", null, 8);
        var response = await target.RespondAsync(new TrialRequest(TestCases.Make("c", tools: [TestCases.OrderTool()]), 0, Prod), CancellationToken.None);
        var call = Assert.Single(response.Trajectory.ToolCalls);
        Assert.Contains("unknown tool 'delete_account'", call.Error);
        Assert.Null(call.ResultJson);
    }

    [Fact]
    public void The_prompt_hash_is_the_first_8_hex_of_sha256()
    {
        // sha256("abc") = ba7816bf...
        Assert.Equal("ba7816bf", PromptTemplate.HashOf("abc"));
        Assert.Equal("Hi {{unknown}}", new PromptTemplate("p", "Hi {{unknown}}").Render(new Dictionary<string, string>()));
    }
    [Fact]
    public async Task Cost_and_recorded_latency_come_from_the_trials_meter_not_from_the_response()
    {
        var goldenCase = TestCases.Make("orders-001");
        var trial = new TrialContext(goldenCase, 1, Prod);
        var options = new ChatOptions { ModelId = "gpt-4.1-mini" };
        var cassette = new CassetteFile(Path.Combine(Path.GetTempPath(), "unused-" + Guid.NewGuid().ToString("N") + ".jsonl"));
        cassette.Add(new CassetteEntry
        {
            Key = CassetteKey.Compute("gpt-4.1-mini", [new ChatMessage(ChatRole.User, "Where is my order A-1001?")], options, 1),
            Case = "orders-001", Trial = 1, Model = "gpt-4.1-mini", Text = "Delivered.", InputTokens = 1_000_000, OutputTokens = 0, LatencyMs = 812.5,
        });
        var pipeline = new ChatClientBuilder(new ScriptedChatClient((_, _, _) => throw new InvalidOperationException("offline")))
            .UseCostMeter(new Dictionary<string, ModelPrice> { ["gpt-4.1-mini"] = new(0.40m, 1.60m) })
            .UseReplay(cassette)
            .Build();
        var target = new ChatTarget(pipeline, "gpt-4.1-mini", null, maxToolIterations: 8);

        var response = await target.RespondAsync(new TrialRequest(goldenCase, 1, Prod) { Context = trial }, CancellationToken.None);

        Assert.Equal("Delivered.", response.Output);
        Assert.Equal(0.40m, response.Usage.CostUsd);
        Assert.Equal(812.5, response.LatencyMs);
        Assert.Equal(0.40m, trial.Usage.CostUsd);
        Assert.Equal(0m, trial.JudgeSpend.CostUsd);
    }
}
