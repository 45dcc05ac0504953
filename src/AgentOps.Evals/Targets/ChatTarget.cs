using System.Text.Json;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Targets;

/// <summary>The built-in target: the candidate's prompt and model behind an <see cref="IChatClient"/>, with the case's
/// mocked tools answered in a bounded loop; a conversation case plays its scripted (and simulated) user turns in order.</summary>
public sealed class ChatTarget(IChatClient client, string model, PromptTemplate? prompt, int maxToolIterations) : ITarget
{
    /// <summary>The candidate's model settings, set on every request.</summary>
    public ModelSettings Settings { get; init; } = ModelSettings.None;

    /// <inheritdoc/>
    public async Task<TargetResponse> RespondAsync(TrialRequest request, CancellationToken cancellationToken)
    {
        var goldenCase = request.Case;
        var bound = new TrialBoundChatClient(client, request.Context);
        var exchange = new Exchange(bound, request.Context, BuildMessages(goldenCase), Options(goldenCase), goldenCase, model, maxToolIterations);
        if (!goldenCase.Input.IsConversation)
        {
            var single = await exchange.ReplyAsync(cancellationToken).ConfigureAwait(false);
            return exchange.Response(single.Output, single.CircuitBreaker, []);
        }

        var conversation = new List<ConversationTurn>();
        var reply = await ConversationLoop.PlayAsync(goldenCase, exchange, conversation, bound, model, cancellationToken).ConfigureAwait(false);
        return exchange.Response(reply.Output, reply.CircuitBreaker, conversation);
    }

    private ChatOptions Options(GoldenCase goldenCase)
    {
        var options = new ChatOptions { ModelId = model };
        Settings.ApplyTo(options);
        if (goldenCase.Input.ResponseFormat is { } format)
            options.ResponseFormat = ModelSettings.Format(format.Format, format.Schema, format.Name);
        if (goldenCase.Input.Tools.Count > 0)
            options.Tools = [.. goldenCase.Input.Tools.Select(ToDeclaration)];
        return options;
    }

    private List<ChatMessage> BuildMessages(GoldenCase goldenCase)
    {
        var messages = new List<ChatMessage>(goldenCase.Input.Messages.Count + 1);
        if (prompt is not null)
            messages.Add(new ChatMessage(ChatRole.System, prompt.Render(goldenCase.Input.Vars)));
        foreach (var message in goldenCase.Input.Messages)
            messages.Add(ToChatMessage(message));
        return messages;
    }

    /// <summary>A history message; assistant tool calls and tool results become function call and result contents.</summary>
    internal static ChatMessage ToChatMessage(CaseMessage message)
    {
        if (message.ToolCallId is { } callId)
            return new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callId, ParseResult(message.Content))]);
        if (message.ToolCalls.Count == 0)
            return new ChatMessage(new ChatRole(message.Role), message.Content);
        var contents = new List<AIContent>();
        if (message.Content.Length > 0) contents.Add(new TextContent(message.Content));
        foreach (var call in message.ToolCalls)
        {
            var arguments = call.Arguments is null ? null
                : JsonSerializer.Deserialize<Dictionary<string, object?>>(call.Arguments.ToJsonString());
            contents.Add(new FunctionCallContent(call.Id, call.Name, arguments));
        }
        return new ChatMessage(new ChatRole(message.Role), contents);
    }

    /// <summary>A tool result written as JSON stays JSON (as the live loop sends it); other text stays text.</summary>
    private static object? ParseResult(string content)
    {
        try
        {
            return JsonDocument.Parse(content).RootElement.Clone();
        }
        catch (JsonException)
        {
            return content;
        }
    }

    private static AIFunctionDeclaration ToDeclaration(MockTool tool)
    {
        var schema = tool.Parameters is null
            ? JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement
            : JsonSerializer.SerializeToElement(tool.Parameters);
        return AIFunctionFactory.CreateDeclaration(tool.Name, tool.Description, schema);
    }
}
