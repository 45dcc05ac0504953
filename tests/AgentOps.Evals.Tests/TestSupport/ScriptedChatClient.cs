using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.TestSupport;

/// <summary>A fake inner IChatClient: answers each call (plain or streamed) with the script's function and counts calls.</summary>
internal sealed class ScriptedChatClient(Func<IList<ChatMessage>, ChatOptions?, int, ChatResponse> script) : IChatClient
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls);
        return Task.FromResult(script(messages.ToList(), options, call));
    }

    /// <summary>Streams the script's response as updates (usage last); a script that throws fails before the first update.</summary>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls);
        var response = script(messages.ToList(), options, call);
        await Task.Yield();
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }

    public static ChatResponse Text(string text, long input = 10, long output = 5) =>
        new(new ChatMessage(ChatRole.Assistant, text))
        {
            FinishReason = ChatFinishReason.Stop,
            ModelId = "test-model",
            Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output },
        };

    public static ChatResponse ToolCall(string name, Dictionary<string, object?> args, string callId = "call_1") =>
        new(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, name, args)]))
        {
            FinishReason = ChatFinishReason.ToolCalls,
            ModelId = "test-model",
            Usage = new UsageDetails { InputTokenCount = 12, OutputTokenCount = 3 },
        };
}
