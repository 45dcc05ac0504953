using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers;

/// <summary>A shared pipeline bound to one trial: every call carries the trial's <see cref="TrialContext"/> in its options,
/// so the decorators below key, record and meter it. One small object per trial (the runner binds the judge, the chat
/// target its candidate), like MEAI.Evaluation's per-scenario client.</summary>
public sealed class TrialBoundChatClient(IChatClient inner, TrialContext trial) : DelegatingChatClient(inner)
{
    /// <summary>The trial every call through this client is stamped with (and what <c>GetService(typeof(TrialContext))</c> returns).</summary>
    public TrialContext Trial { get; } = trial;

    /// <inheritdoc/>
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, Trial.Stamp(options), cancellationToken);

    /// <inheritdoc/>
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, Trial.Stamp(options), cancellationToken);

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(TrialContext) ? Trial : base.GetService(serviceType, serviceKey);
}
