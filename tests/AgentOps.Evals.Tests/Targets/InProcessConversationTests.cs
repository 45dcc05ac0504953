using AgentOps.Evals.Agents;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.Targets;

/// <summary>In-process targets play a conversation case's <c>turns:</c> through the chat target's conversation loop: each
/// user turn in order, the agent run on the whole conversation so far, each reply recorded with the model turns it made.</summary>
public sealed class InProcessConversationTests
{
    private static readonly CandidateIdentity Agent = new("agent", "gpt-4.1-mini", "abcd1234", "test", "0.1.0");

    private static GoldenCase TwoTurns()
    {
        var at = new SourceLocation("golden-set/orders/orders-conv.yaml", 1, 1);
        var goldenCase = TestCases.Make("orders-conv", "Where is my order A-1001?", tools: [TestCases.OrderTool()]);
        return goldenCase with
        {
            Input = goldenCase.Input with
            {
                Messages = [.. goldenCase.Input.Messages, new CaseMessage("assistant", "It was delivered on 2026-06-01.")],
                Turns = [new CaseTurn("Can you check again?", [], at), new CaseTurn("Thanks. Anything else due?", [], at)],
            },
        };
    }

    /// <summary>Turn 1: a tool call, then an answer; turn 2: a plain answer. Records every call's messages.</summary>
    private static ScriptedChatClient Script(List<IList<ChatMessage>> seen) => new((messages, _, call) =>
    {
        lock (seen) seen.Add(messages);
        return call switch
        {
            1 => ScriptedChatClient.ToolCall("get_order_status", new() { ["order_id"] = "A-1001" }),
            2 => ScriptedChatClient.Text("Checked again: delivered on 2026-06-01."),
            _ => ScriptedChatClient.Text("Nothing else is due."),
        };
    });

    public static TheoryData<string> Targets => ["agent-framework", "chat-client"];

    private static ITarget Create(string kind, IChatClient client)
    {
        var context = new TargetContext("agent", "gpt-4.1-mini", client, null, 8);
        return kind == "agent-framework"
            ? new AgentTarget(context, (chat, instructions) => chat.AsAIAgent(instructions: instructions))
            : new ChatClientTarget(context);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Each_scripted_turn_is_answered_in_order_with_the_earlier_replies_and_tool_results_in_the_history(string kind)
    {
        var seen = new List<IList<ChatMessage>>();
        var target = Create(kind, Script(seen));

        var response = await target.RespondAsync(new TrialRequest(TwoTurns(), 0, Agent), CancellationToken.None);

        Assert.Equal("Nothing else is due.", response.Output);
        Assert.False(response.CircuitBreaker);
        var conversation = response.Trajectory.Conversation;
        Assert.Equal(2, conversation.Count);
        Assert.Equal(("Can you check again?", "Checked again: delivered on 2026-06-01.", 0, 2, ConversationTurn.Scripted),
            (conversation[0].User, conversation[0].Output, conversation[0].FirstModelTurn, conversation[0].ModelTurnCount, conversation[0].Source));
        Assert.Equal(("Thanks. Anything else due?", "Nothing else is due.", 2, 1),
            (conversation[1].User, conversation[1].Output, conversation[1].FirstModelTurn, conversation[1].ModelTurnCount));
        Assert.Equal(("get_order_status", 0), (Assert.Single(response.Trajectory.ToolCalls).Name, response.Trajectory.ToolCalls[0].TurnIndex));

        // The second turn's model call saw the history, turn 1's question, its tool call and result, and its answer.
        var last = seen[^1];
        Assert.Contains(last, m => m.Role == ChatRole.User && m.Text == "Can you check again?");
        Assert.Contains(last, m => m.Contents.OfType<FunctionResultContent>().Any(r => r.Result?.ToString()?.Contains("delivered") == true));
        Assert.Contains(last, m => m.Role == ChatRole.Assistant && m.Text == "Checked again: delivered on 2026-06-01.");
        Assert.Equal("Thanks. Anything else due?", last.Last(m => m.Role == ChatRole.User).Text);
    }

    [Fact]
    public async Task The_tool_iteration_limit_counts_per_reply_so_a_long_conversation_is_not_cut_for_its_length()
    {
        // Limit 1: a reply may call a tool once and then answer (two model calls); the conversation makes three calls.
        var client = Script([]);
        var target = new ChatClientTarget(new TargetContext("agent", "gpt-4.1-mini", client, null, 1));

        var response = await target.RespondAsync(new TrialRequest(TwoTurns(), 0, Agent), CancellationToken.None);

        Assert.False(response.CircuitBreaker);
        Assert.Equal(3, response.Trajectory.Turns.Count);
        Assert.Equal(2, response.Trajectory.Conversation.Count);
    }
}
