using AgentOps.Evals.Agents;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.Targets;

/// <summary>An Agent Framework agent and a team's own IChatClient, run in process as targets: mocked tools answered from the
/// case, trajectories recorded like the chat target's.</summary>
public sealed class AgentTargetTests
{
    private static readonly CandidateIdentity Agent = new("agent", "gpt-4.1-mini", "abcd1234", "test", "0.1.0");

    private static TargetContext Context(IChatClient client, string? prompt = null, int maxToolIterations = 8) =>
        new("agent", "gpt-4.1-mini", client, prompt is null ? null : new PromptTemplate("p.md", prompt), maxToolIterations);

    private static ScriptedChatClient OrderScript(Action<IList<ChatMessage>, ChatOptions?, int>? seen = null) => new((messages, options, call) =>
    {
        seen?.Invoke(messages, options, call);
        return call == 1
            ? ScriptedChatClient.ToolCall("get_order_status", new() { ["order_id"] = "A-1001" })
            : ScriptedChatClient.Text("Your order was delivered on 2026-06-01.");
    });

    [Fact]
    public async Task An_AIAgent_calls_the_cases_mocked_tool_and_gets_its_recorded_result()
    {
        IList<ChatMessage>? second = null;
        ChatOptions? firstOptions = null;
        var client = OrderScript((messages, options, call) => { if (call == 1) firstOptions = options; else second = messages; });
        var target = new AgentTarget(Context(client, "You help {{customer_tier}} customers."), (chat, instructions) => chat.AsAIAgent(instructions: instructions));

        var response = await target.RespondAsync(new TrialRequest(TestCases.Make("orders-001", tools: [TestCases.OrderTool()]), 0, Agent), CancellationToken.None);

        Assert.Equal("Your order was delivered on 2026-06-01.", response.Output);
        Assert.False(response.CircuitBreaker);
        Assert.Equal("get_order_status", Assert.Single(firstOptions!.Tools!).Name);
        Assert.Equal([0, 1], response.Trajectory.Turns.Select(t => t.Index));
        var call = Assert.Single(response.Trajectory.ToolCalls);
        Assert.Equal(("get_order_status", 0), (call.Name, call.TurnIndex));
        Assert.Contains("A-1001", call.ArgumentsJson);
        Assert.Contains("delivered", call.ResultJson);
        Assert.Equal(22, response.Usage.InputTokens);
        Assert.Equal("stop", response.FinishReason);
        // The model saw the case's recorded result, and the candidate's prompt rendered with the case's vars.
        var result = second!.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single();
        Assert.Contains("delivered", result.Result?.ToString());
        Assert.Contains(second!, m => m.Text.Contains("You help gold customers.") || firstOptions.Instructions?.Contains("gold") == true);
    }

    [Fact]
    public async Task A_teams_IChatClient_runs_the_same_loop_with_function_invocation_added()
    {
        var client = OrderScript();
        var built = 0;
        var target = new ChatClientTarget(Context(client), inner => { built++; return inner; });

        var response = await target.RespondAsync(new TrialRequest(TestCases.Make("orders-001", tools: [TestCases.OrderTool()]), 0, Agent), CancellationToken.None);

        Assert.Equal(1, built);
        Assert.Equal("Your order was delivered on 2026-06-01.", response.Output);
        Assert.Equal(2, response.Trajectory.Turns.Count);
        Assert.Contains("delivered", Assert.Single(response.Trajectory.ToolCalls).ResultJson);
    }

    [Fact]
    public async Task A_mocked_tool_error_is_what_the_agent_gets_and_what_the_trajectory_shows()
    {
        var failing = TestCases.OrderTool() with { Error = "order service unavailable" };
        var target = new AgentTarget(Context(OrderScript()), (chat, _) => chat.AsAIAgent());

        var response = await target.RespondAsync(new TrialRequest(TestCases.Make("orders-001", tools: [failing]), 0, Agent), CancellationToken.None);

        var call = Assert.Single(response.Trajectory.ToolCalls);
        Assert.Equal("order service unavailable", call.Error);
        Assert.Null(call.ResultJson);
    }

    [Fact]
    public async Task An_agent_that_never_stops_calling_tools_trips_the_circuit_breaker_like_the_chat_target()
    {
        var client = new ScriptedChatClient((_, _, call) => ScriptedChatClient.ToolCall("get_order_status", new() { ["order_id"] = "A-" + call }, "call_" + call));
        var target = new AgentTarget(Context(client, maxToolIterations: 3), (chat, _) => chat.AsAIAgent());

        var response = await target.RespondAsync(new TrialRequest(TestCases.Make("loop", tools: [TestCases.OrderTool()]), 0, Agent), CancellationToken.None);

        Assert.True(response.CircuitBreaker);
        Assert.Equal(4, client.Calls);
        Assert.Equal(3, response.Trajectory.ToolCalls.Count);
    }

    [Fact]
    public async Task An_AgentTargetFactory_builds_a_fresh_agent_per_trial_on_the_trials_client()
    {
        var factory = new CountingFactory();
        var target = ((ITargetFactory)factory).Create(Context(OrderScript()));
        var goldenCase = TestCases.Make("orders-001", tools: [TestCases.OrderTool()]);

        await target.RespondAsync(new TrialRequest(goldenCase, 0, Agent), CancellationToken.None);
        await target.RespondAsync(new TrialRequest(goldenCase, 1, Agent), CancellationToken.None);

        Assert.Equal(2, factory.Created);
        Assert.All(factory.Clients, c => Assert.NotNull(c.GetService(typeof(TrialContext))));
        Assert.Equal([0, 1], factory.Clients.Select(c => ((TrialContext)c.GetService(typeof(TrialContext))!).TrialIndex));
    }

    private sealed class CountingFactory : AgentTargetFactory
    {
        public int Created => Clients.Count;
        public List<IChatClient> Clients { get; } = [];

        public override AIAgent CreateAgent(IChatClient chatClient, string? instructions)
        {
            Clients.Add(chatClient);
            return chatClient.AsAIAgent(instructions);
        }
    }
}

/// <summary>Cassette keys for in-process agents, whose prompt travels in ChatOptions.Instructions.</summary>
public sealed class InstructionsCassetteKeyTests
{
    [Fact]
    public void Calls_that_differ_only_in_their_instructions_get_different_cassette_keys()
    {
        ChatMessage[] messages = [new(ChatRole.User, "How much does express shipping cost?")];
        var gold = CassetteKey.Compute("m", messages, new ChatOptions { Instructions = "Customer tier: gold" }, 0);
        var standard = CassetteKey.Compute("m", messages, new ChatOptions { Instructions = "Customer tier: standard" }, 0);
        var none = CassetteKey.Compute("m", messages, new ChatOptions(), 0);
        Assert.NotEqual(gold, standard);
        Assert.NotEqual(gold, none);
        // Calls without instructions (the chat target's) keep the keys they were recorded under.
        Assert.Equal(none, CassetteKey.Compute("m", messages, null, 0));
    }
}
