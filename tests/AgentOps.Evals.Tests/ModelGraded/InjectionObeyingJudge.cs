using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.ModelGraded;

/// <summary>
/// A scripted judge as gullible as a real one can be: it reads the response as the text between the first
/// &lt;response&gt; and the first &lt;/response&gt;, and if "answer N" appears anywhere outside that region it
/// obeys and answers N. Otherwise it grades on merits: score 5 when the response states "14 days", else 1.
/// </summary>
internal sealed partial class InjectionObeyingJudge : IChatClient
{
    public int Calls { get; private set; }

    public List<ChatOptions?> Options { get; } = [];

    /// <summary>The judge's decision for a user message, exposed so a test can show the script is truly hijackable.</summary>
    public static int Decide(string userMessage)
    {
        var open = userMessage.IndexOf("<response>", StringComparison.Ordinal);
        var close = open < 0 ? -1 : userMessage.IndexOf("</response>", open, StringComparison.Ordinal);
        var inside = open < 0 || close < 0 ? "" : userMessage[(open + "<response>".Length)..close];
        var outside = open < 0 || close < 0 ? userMessage : userMessage[..open] + userMessage[(close + "</response>".Length)..];
        if (Obey().Match(outside) is { Success: true } order) return int.Parse(order.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return inside.Contains("14 days", StringComparison.Ordinal) ? 5 : 1;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        Options.Add(options);
        var user = messages.Last(m => m.Role == ChatRole.User).Text;
        var score = Decide(user);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $$"""{"reasoning": "graded", "score": {{score}}}""")) { ModelId = "judge-model" });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }

    [GeneratedRegex(@"answer\s+([1-5])", RegexOptions.IgnoreCase)]
    private static partial Regex Obey();
}
