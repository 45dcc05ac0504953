using AgentOps.Evals.FakeModelServer;
using CsCheck;

namespace AgentOps.Evals.Tests.FakeServer;

public sealed class FakeAgentRulesTests
{
    [Fact]
    public void The_sample_rules_file_parses()
    {
        var rules = FakeAgentRules.Load(RepoPaths.RulesFile);

        Assert.True(rules.Count > 40);
        Assert.Equal(FakeAgentRules.BuiltInDefaultReply, rules.DefaultReply);
    }

    [Theory]
    [InlineData("rules:\n  - name: x\n    user: '('\n    reply: hi\n", "3:", "rules[0].user", "not a valid regex")]
    [InlineData("rules:\n  - name: x\n    reply: hi\n    call: {name: t}\n", "2:", "rules[0]", "exactly one of")]
    [InlineData("rules:\n  - name: x\n    colour: red\n    reply: hi\n", "3:", "rules[0].colour", "unknown field")]
    [InlineData("rules:\n  - name: x\n    call: {args: {}}\n", "3:", "rules[0].call.name", "needs a name")]
    [InlineData("rulez: []\n", "1:", "rulez", "unknown field")]
    public void Bad_rules_name_line_and_field(string yaml, string line, string field, string message)
    {
        var error = Assert.Throws<FormatException>(() => FakeAgentRules.Parse(yaml, "r.yaml"));

        Assert.StartsWith("r.yaml:" + line, error.Message, StringComparison.Ordinal);
        Assert.Contains(field + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unresolved_placeholders_stay_visible_and_nested_fields_resolve()
    {
        var rules = FakeAgentRules.Parse("""
            rules:
              - after: t
                reply: "{{tool.a.b}} {{tool.list.1}} {{tool.missing}} {{tools.t.a.b}}"
            """);
        var request = new ChatRequest("m",
        [
            new ChatRequestMessage("user", "hi", null, null, []),
            new ChatRequestMessage("assistant", "", null, null, [new RequestToolCall("c1", "t", "{}")]),
            // Some clients serialize the result twice: a JSON string holding JSON.
            new ChatRequestMessage("tool", "\"{\\\"a\\\":{\\\"b\\\":\\\"deep\\\"},\\\"list\\\":[1,2]}\"", "c1", null, []),
        ], [], false, false, null);

        var reply = new ScriptedAgent(rules, "default", true).Reply(request);

        Assert.Equal("deep 2 {{tool.missing}} deep", reply.Text);
    }

    [Fact]
    public void Rules_after_a_tool_do_not_answer_a_fresh_user_turn()
    {
        var rules = FakeAgentRules.Parse("""
            rules:
              - after: t
                reply: after tool
            """);
        var request = new ChatRequest("m", [new ChatRequestMessage("user", "hi", null, null, [])], [], false, false, null);

        Assert.Equal("default", new ScriptedAgent(rules, "default", true).Reply(request).Text);
    }

    [Fact]
    public void Truncation_keeps_whole_words_within_the_budget() =>
        Gen.Select(Gen.String[Gen.Char["ab "], 0, 60], Gen.Int[1, 40]).Sample((text, max) =>
        {
            var cut = TokenCounter.Truncate(text, max);
            return text.StartsWith(cut, StringComparison.Ordinal) && TokenCounter.Count(cut) <= max
                && (cut.Length == text.Length || TokenCounter.FromWords(TokenCounter.Words(cut) + 1) > max);
        });
}
