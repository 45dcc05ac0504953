namespace AgentOps.Evals.FakeModelServer;

/// <summary>Decides the reply to a chat request from the rules: a pure function of the request.</summary>
internal sealed class ScriptedAgent(FakeAgentRules rules, string defaultReply, bool maxTokensStop)
{
    public ScriptedReply Reply(ChatRequest request)
    {
        var scope = new ReplyScope(request);
        foreach (var rule in rules.Rules)
        {
            if (!rule.Matches(scope)) continue;
            if (rule.Reply is { } template)
                return Text(template.Render(scope), rule.FinishReason ?? "stop", request, rule.Name);
            var calls = new List<ScriptedToolCall>(rule.Calls.Count);
            foreach (var call in rule.Calls)
            {
                var arguments = call.Arguments.RenderJson(scope);
                calls.Add(new ScriptedToolCall(CallId(request, calls.Count, call.Name, arguments), call.Name, arguments));
            }
            return new ScriptedReply(null, calls, rule.FinishReason ?? "tool_calls", rule.Name);
        }
        return Text(defaultReply, "stop", request, null);
    }

    private ScriptedReply Text(string text, string finishReason, ChatRequest request, string? ruleName)
    {
        if (maxTokensStop && request.MaxTokens is { } max && TokenCounter.Count(text) > max)
            return new ScriptedReply(TokenCounter.Truncate(text, max), [], "length", ruleName);
        return new ScriptedReply(text, [], finishReason, ruleName);
    }

    /// <summary>Derived from the conversation, not random, so the follow-up request (which echoes the id) is the same every run.</summary>
    private static string CallId(ChatRequest request, int index, string name, string arguments)
    {
        ulong fnv = 14695981039346656037;
        void Mix(string s)
        {
            foreach (var ch in s)
            {
                fnv ^= ch;
                fnv *= 1099511628211;
            }
            fnv ^= 0xff;
            fnv *= 1099511628211;
        }
        foreach (var message in request.Messages)
        {
            Mix(message.Role);
            Mix(message.Content);
        }
        Mix(name);
        Mix(arguments);
        Mix(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "call_" + fnv.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
