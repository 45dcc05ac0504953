using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Judging;

/// <summary>The outermost step of the judge's pipeline: names the judge model on every call, leaves out what
/// reasoning models refuse (temperature, max tokens), and carries the judge prompts for evaluators to find
/// through <see cref="IChatClient.GetService"/>.</summary>
internal sealed class JudgeChatClient(IChatClient inner, string model, JudgePrompts prompts) : DelegatingChatClient(inner)
{
    public string Model { get; } = model;

    public JudgePrompts Prompts { get; } = prompts;

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, Configure(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, Configure(options), cancellationToken);

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(JudgePrompts) ? Prompts : base.GetService(serviceType, serviceKey);

    private ChatOptions Configure(ChatOptions? options)
    {
        var configured = options?.Clone() ?? new ChatOptions();
        configured.ModelId = Model;
        if (ReasoningModels.Is(Model))
        {
            configured.Temperature = null;
            configured.MaxOutputTokens = null;
        }
        else
        {
            // Grading should not be a dice roll where the model allows it.
            configured.Temperature ??= 0;
        }
        return configured;
    }
}
