namespace AgentOps.Evals.FakeModelServer;

/// <summary>The fake's token rule: whitespace-separated words × 1.3, rounded up. Deterministic, not a real tokenizer.</summary>
internal static class TokenCounter
{
    public static int Count(string? text) => FromWords(Words(text));

    public static int FromWords(int words) => (int)Math.Ceiling(words * 13 / 10.0);

    public static int Words(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var words = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch)) inWord = false;
            else if (!inWord)
            {
                inWord = true;
                words++;
            }
        }
        return words;
    }

    /// <summary>The longest prefix of whole words whose count stays within <paramref name="maxTokens"/>.</summary>
    public static string Truncate(string text, int maxTokens)
    {
        var allowed = 0;
        while (FromWords(allowed + 1) <= maxTokens) allowed++;
        var words = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i])) inWord = false;
            else if (!inWord)
            {
                inWord = true;
                if (++words > allowed) return text[..i].TrimEnd();
            }
        }
        return text;
    }

    public static int Prompt(ChatRequest request)
    {
        var words = 0;
        foreach (var message in request.Messages)
        {
            words += Words(message.Content);
            foreach (var call in message.ToolCalls) words += 1 + Words(call.Arguments);
        }
        foreach (var tool in request.Tools) words += 1 + Words(tool.Description);
        return FromWords(words);
    }

    public static int Completion(ScriptedReply reply)
    {
        if (reply.Text is not null) return Count(reply.Text);
        var words = 0;
        foreach (var call in reply.ToolCalls) words += 1 + Words(call.Arguments);
        return FromWords(words);
    }
}
