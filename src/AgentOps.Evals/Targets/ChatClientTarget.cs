using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Targets;

/// <summary>An in-process target over any <see cref="IChatClient"/> a team builds in code on top of the candidate's pipeline
/// (its own middleware, tools policy, options). The case's mocked tools are offered as functions and invoked by function
/// invocation (added when the team's client has none), so tool calls, results and turns land in the trajectory.</summary>
/// <example><code>targets.Register("support", ctx => new ChatClientTarget(ctx, inner => inner.AsBuilder().UseLogging().Build()));</code></example>
public sealed class ChatClientTarget(TargetContext context, Func<IChatClient, IChatClient>? build = null) : InProcessTarget(context)
{
    /// <inheritdoc />
    protected override async Task<AgentAnswer> RunAgentAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        var client = build?.Invoke(turn.ChatClient) ?? turn.ChatClient;
        if (client.GetService<FunctionInvokingChatClient>() is null)
            client = client.AsBuilder().UseFunctionInvocation(configure: f => f.MaximumIterationsPerRequest = Context.MaxToolIterations + 1).Build();
        var messages = new List<ChatMessage>(turn.Messages.Count + 1);
        if (turn.Instructions is not null) messages.Add(new ChatMessage(ChatRole.System, turn.Instructions));
        messages.AddRange(turn.Messages);
        var options = new ChatOptions { ModelId = turn.Model, ResponseFormat = turn.ResponseFormat };
        if (turn.Tools.Count > 0) options.Tools = turn.Tools;
        var response = await client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        return new AgentAnswer(response.Text, response.FinishReason?.Value, [.. response.Messages]);
    }
}
