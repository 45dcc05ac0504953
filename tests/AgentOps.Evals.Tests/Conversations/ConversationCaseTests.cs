using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.Cases;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.Conversations;

/// <summary>Multi-turn cases: loading (with file:line problems), the target playing every turn, and per-turn scoring.</summary>
public sealed class ConversationCaseTests : IDisposable
{
    private static readonly CandidateIdentity Prod = new("prod", "m", "abcd1234", "test", "0.1.0");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string Conversation = """
        id: conv-001
        input:
          messages:
            - {role: user, content: "Where is order A-1001?"}
            - role: assistant
              tool-calls: [{id: call_1, name: get_order_status, arguments: {order_id: A-1001}}]
            - {role: tool, tool-call-id: call_1, content: '{"status": "shipped"}'}
            - {role: assistant, content: "It has shipped."}
          tools:
            - {name: cancel_order, description: Cancel an order, returns: {cancelled: false}}
          turns:
            - user: "Cancel it."
              expect:
                - {type: tool-called, name: cancel_order}
                - {type: contains, value: "can't be cancelled"}
            - user: "Thanks, bye."
              expect:
                - {type: contains, value: "bye"}
                - {type: tool-not-called, name: cancel_order}
        expect:
          - {type: max-tool-calls, value: 1}
        """;

    private GoldenCase Load(string yaml, string id = "conv-001")
    {
        var path = _folder.Write(id + ".yaml", yaml);
        var loaded = GoldenSetLoader.LoadFile(path, _folder.Root, EvaluatorRegistry.CreateDefault(), new RunOptions());
        Assert.True(loaded.Problems.Count == 0, string.Join("\n", loaded.Problems));
        return Assert.Single(loaded.Cases);
    }

    private IReadOnlyList<Diagnostics.Problem> Problems(string yaml, string id = "conv-001") =>
        GoldenSetLoader.LoadFile(_folder.Write(id + ".yaml", yaml), _folder.Root, EvaluatorRegistry.CreateDefault(), new RunOptions()).Problems;

    [Fact]
    public void A_conversation_case_loads_its_history_with_tool_calls_and_its_turns_with_their_assertions()
    {
        var goldenCase = Load(Conversation);
        var input = goldenCase.Input;
        Assert.Equal(4, input.Messages.Count);
        var call = Assert.Single(input.Messages[1].ToolCalls);
        Assert.Equal(("call_1", "get_order_status", "A-1001"), (call.Id, call.Name, call.Arguments!["order_id"]!.GetValue<string>()));
        Assert.Equal("call_1", input.Messages[2].ToolCallId);
        Assert.Equal(["Cancel it.", "Thanks, bye."], input.Turns.Select(t => t.User));
        Assert.Equal([2, 2], input.Turns.Select(t => t.Expect.Count));
        Assert.All(input.Turns.SelectMany(t => t.Expect), e => Assert.NotNull(e.Bound));
        Assert.Equal("Thanks, bye.", input.LastUserMessage);
    }

    [Fact]
    public void Bad_conversation_input_is_reported_with_line_and_field()
    {
        var problems = Problems("""
            id: conv-001
            input:
              messages:
                - {role: user, content: "hi", tool-calls: [{id: a, name: x}]}
                - {role: tool, tool-call-id: nope, content: "{}"}
              turns:
                - expect: [{type: contains, value: x}]
                - user: "next"
                  expect: [{type: no-such-type}]
              simulated-user: {persona: p, goal: g}
            expect: [{type: contains, value: x}]
            """);
        var byField = problems.ToDictionary(p => p.Field, p => p);
        Assert.Equal(4, byField["input.messages[0].tool-calls"].Location.Line);
        Assert.Contains("only on role: assistant", byField["input.messages[0].tool-calls"].Message);
        Assert.Equal(5, byField["input.messages[1].tool-call-id"].Location.Line);
        Assert.Contains("expected the id of a tool call in an earlier assistant message", byField["input.messages[1].tool-call-id"].Message);
        Assert.Equal(7, byField["input.turns[0].user"].Location.Line);
        Assert.Equal(9, byField["input.turns[1].expect[0].type"].Location.Line);
        Assert.True(byField.ContainsKey("input.simulated-user.max-turns"));
    }

    [Fact]
    public void An_active_case_whose_only_assertions_are_on_its_turns_is_valid()
    {
        var goldenCase = Load("""
            id: conv-002
            input:
              turns:
                - user: "hi"
                  expect: [{type: contains, value: hello}]
            """, "conv-002");
        Assert.Empty(goldenCase.Expect);
        Assert.Single(goldenCase.Input.Turns);
    }

    /// <summary>The scripted agent for <see cref="Conversation"/>: cancels (refused), then says goodbye.</summary>
    private static ScriptedChatClient Agent(List<IList<ChatMessage>> seen, bool goodbye = true) => new((messages, _, call) =>
    {
        seen.Add(messages);
        return call switch
        {
            1 => ScriptedChatClient.ToolCall("cancel_order", new() { ["order_id"] = "A-1001" }, "call_9"),
            2 => ScriptedChatClient.Text("Order A-1001 can't be cancelled: it has shipped."),
            _ => ScriptedChatClient.Text(goodbye ? "You're welcome, bye!" : "Anything else?"),
        };
    });

    [Fact]
    public async Task The_target_plays_every_turn_on_top_of_the_history_and_records_which_model_calls_answered_each()
    {
        var seen = new List<IList<ChatMessage>>();
        var target = new ChatTarget(Agent(seen), "m", new PromptTemplate("p.md", "system"), 8);

        var response = await target.RespondAsync(new TrialRequest(Load(Conversation), 0, Prod), CancellationToken.None);

        Assert.Equal("You're welcome, bye!", response.Output);
        Assert.Equal(3, seen.Count);
        // First call: system + 4 history messages (tool call and result kept as such) + turn 1.
        Assert.Equal(6, seen[0].Count);
        Assert.Equal("get_order_status", seen[0][2].Contents.OfType<FunctionCallContent>().Single().Name);
        Assert.Equal("call_1", seen[0][3].Contents.OfType<FunctionResultContent>().Single().CallId);
        // Last call carries the whole conversation: turn 1, its tool call and result, the reply, then turn 2.
        Assert.Equal("Thanks, bye.", seen[2][^1].Text);
        Assert.Contains(seen[2], m => m.Text == "Order A-1001 can't be cancelled: it has shipped.");
        var turns = response.Trajectory.Conversation;
        Assert.Equal(2, turns.Count);
        Assert.Equal((0, 2), (turns[0].FirstModelTurn, turns[0].ModelTurnCount));
        Assert.Equal((2, 1), (turns[1].FirstModelTurn, turns[1].ModelTurnCount));
        Assert.Equal("Order A-1001 can't be cancelled: it has shipped.", turns[0].Output);
        Assert.Equal(3, response.Trajectory.Turns.Count);
    }

    private static RunPlan Plan(ITarget target, GoldenCase goldenCase) => new()
    {
        Run = new RunInfo { RunId = "run-1", Candidate = Prod, K = 1, GoldenSetRevision = "rev", StartedAt = DateTimeOffset.UnixEpoch },
        Cases = [goldenCase],
        Target = target,
        Evaluators = EvaluatorRegistry.CreateDefault(),
        Concurrency = 1,
    };

    [Fact]
    public async Task Each_turns_assertions_judge_that_turns_reply_and_tool_calls_and_the_case_expect_the_whole_conversation()
    {
        var goldenCase = Load(Conversation);
        await using var store = new InMemoryResultStore();
        await new EvalRunner().RunAsync(Plan(new ChatTarget(Agent([]), "m", null, 8), goldenCase), store);
        var trial = Assert.Single(await store.GetTrialsAsync("run-1"));
        Assert.Equal(TrialOutcome.Passed, trial.Outcome);
        // max-tool-calls (whole conversation), then turn 1's two, then turn 2's two: tool-not-called passes only
        // because turn 2 sees its own calls, not turn 1's cancel_order.
        Assert.Equal(5, trial.Assertions.Count);
        Assert.StartsWith("turn 2:", trial.Assertions[4].Reason);
        Assert.Equal(2, trial.Trajectory.Conversation.Count);
    }

    [Fact]
    public async Task A_turn_whose_reply_misses_its_assertion_fails_the_trial_and_names_the_turn()
    {
        var goldenCase = Load(Conversation);
        await using var store = new InMemoryResultStore();
        await new EvalRunner().RunAsync(Plan(new ChatTarget(Agent([], goodbye: false), "m", null, 8), goldenCase), store);
        var trial = Assert.Single(await store.GetTrialsAsync("run-1"));
        Assert.Equal(TrialOutcome.Failed, trial.Outcome);
        var failed = Assert.Single(trial.Assertions, a => !a.Passed);
        Assert.StartsWith("turn 2:", failed.Reason);
        Assert.Equal("contains", failed.Type);
    }

    [Fact]
    public async Task A_simulated_user_speaks_through_the_same_client_until_it_says_its_stop_text()
    {
        var goldenCase = Load("""
            id: conv-003
            input:
              messages: [{role: user, content: "I want a refund."}]
              simulated-user: {persona: "a terse customer", goal: "get refund R-1 confirmed", max-turns: 5, model: sim-model}
            expect: [{type: contains, value: "R-1"}]
            """, "conv-003");
        var userCalls = new List<(IList<ChatMessage> Messages, string? Model)>();
        var agentCalls = 0;
        var client = new ScriptedChatClient((messages, options, _) =>
        {
            if (messages[0].Text.StartsWith(SimulatedUserPlayer.Marker, StringComparison.Ordinal))
            {
                userCalls.Add((messages, options?.ModelId));
                return ScriptedChatClient.Text(userCalls.Count == 1 ? "Order A-1001." : "[DONE]");
            }
            agentCalls++;
            return ScriptedChatClient.Text(agentCalls == 1 ? "Which order?" : "Refund R-1 started.");
        });

        var response = await new ChatTarget(client, "m", null, 8).RespondAsync(new TrialRequest(goldenCase, 0, Prod), CancellationToken.None);

        Assert.Equal("Refund R-1 started.", response.Output);
        Assert.Equal(2, userCalls.Count);
        Assert.All(userCalls, c => Assert.Equal("sim-model", c.Model));
        // Roles flip for the simulated user: the agent's replies are its "user" messages.
        Assert.Equal(ChatRole.User, userCalls[0].Messages[^1].Role);
        Assert.Equal("Which order?", userCalls[0].Messages[^1].Text);
        Assert.Contains("get refund R-1 confirmed", userCalls[0].Messages[0].Text);
        var turns = response.Trajectory.Conversation;
        Assert.Equal([ConversationTurn.History, ConversationTurn.Simulated], turns.Select(t => t.Source));
        Assert.Equal(("I want a refund.", "Which order?"), (turns[0].User, turns[0].Output));
        Assert.Equal("Order A-1001.", turns[1].User);
    }

    [Fact]
    public async Task A_simulated_user_that_never_stops_is_cut_at_max_turns()
    {
        var goldenCase = Load("""
            id: conv-004
            input:
              messages: [{role: user, content: "hi"}]
              simulated-user: {persona: p, goal: g, max-turns: 2}
            expect: [{type: contains, value: "x"}]
            """, "conv-004");
        var client = new ScriptedChatClient((messages, _, _) => ScriptedChatClient.Text(
            messages[0].Text.StartsWith(SimulatedUserPlayer.Marker, StringComparison.Ordinal) ? "more please" : "ok"));
        var response = await new ChatTarget(client, "m", null, 8).RespondAsync(new TrialRequest(goldenCase, 0, Prod), CancellationToken.None);
        Assert.Equal(2, response.Trajectory.Conversation.Count(t => t.Source == ConversationTurn.Simulated));
        Assert.Equal(5, client.Calls); // opening reply + 2 × (user, agent)
    }
}
