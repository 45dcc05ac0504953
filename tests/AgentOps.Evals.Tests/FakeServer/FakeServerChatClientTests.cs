using System.ClientModel;
using System.Text.Json;
using AgentOps.Evals.FakeModelServer;
using Microsoft.Extensions.AI;
using Server = AgentOps.Evals.FakeModelServer.FakeModelServer;

namespace AgentOps.Evals.Tests.FakeServer;

/// <summary>The fake server through the Microsoft.Extensions.AI OpenAI client, the path the product takes.</summary>
public sealed class FakeServerChatClientTests
{
    private static readonly FakeAgentRules Rules = FakeAgentRules.Parse("""
        rules:
          - name: lookup
            user: 'order (A-\d{4})'
            call: {name: get_order_status, args: {order_id: "{{user.1}}"}}
          - name: status
            after: get_order_status
            reply: "Order {{tool.order_id}} is {{tool.status}}."
          - name: v4
            system-contains: "support-agent v4"
            reply: "v4 here."
          - name: v3
            system-contains: "support-agent v3"
            reply: "v3 here, and a somewhat longer answer to stream in pieces."
        """);

    private static ChatOptions Tools() => new()
    {
        Tools = [AIFunctionFactory.CreateDeclaration("get_order_status", "Look up an order",
            JsonDocument.Parse("""{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}""").RootElement)],
    };

    [Fact]
    public async Task Text_reply_with_usage_and_finish_reason()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { Rules = Rules });
        var client = ChatClients.For(server, "gpt-4.1-mini");

        var response = await client.GetResponseAsync([new(ChatRole.System, "support-agent v3"), new(ChatRole.User, "hi")]);

        Assert.Equal("v3 here, and a somewhat longer answer to stream in pieces.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("gpt-4.1-mini", response.ModelId);
        Assert.Equal(4, response.Usage?.InputTokenCount); // "support-agent v3" + "hi" = 3 words × 1.3, rounded up
        Assert.Equal(15, response.Usage?.OutputTokenCount); // 11 words
        Assert.Equal(19, response.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task Prompt_version_picks_the_rule()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { Rules = Rules });
        var client = ChatClients.For(server, "gpt-5-mini");

        var response = await client.GetResponseAsync([new(ChatRole.System, "Version: support-agent v4"), new(ChatRole.User, "hi")]);

        Assert.Equal("v4 here.", response.Text);
    }

    [Fact]
    public async Task Tool_call_then_reply_after_the_tool_result()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { Rules = Rules });
        var client = ChatClients.For(server, "gpt-4.1-mini");
        List<ChatMessage> messages = [new(ChatRole.User, "where is order A-4321?")];

        var first = await client.GetResponseAsync(messages, Tools());
        var call = Assert.Single(first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("get_order_status", call.Name);
        Assert.Equal("A-4321", call.Arguments?["order_id"]?.ToString());
        Assert.Equal(ChatFinishReason.ToolCalls, first.FinishReason);

        messages.AddRange(first.Messages);
        messages.Add(new(ChatRole.Tool, [new FunctionResultContent(call.CallId, JsonDocument.Parse("""{"order_id":"A-4321","status":"delivered"}""").RootElement)]));
        var second = await client.GetResponseAsync(messages, Tools());

        Assert.Equal("Order A-4321 is delivered.", second.Text);
        Assert.Equal(2, server.CompletedCount);
    }

    [Fact]
    public async Task Streaming_text_and_usage()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { Rules = Rules });
        var client = ChatClients.For(server, "gpt-4.1-mini");

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.System, "support-agent v3"), new(ChatRole.User, "hi")]))
            updates.Add(update);
        var response = updates.ToChatResponse();

        Assert.True(updates.Count(u => u.Text.Length > 0) > 1, "expected several text pieces");
        Assert.Equal("v3 here, and a somewhat longer answer to stream in pieces.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(15, response.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task Streaming_tool_call_arrives_whole()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { Rules = Rules });
        var client = ChatClients.For(server, "gpt-4.1-mini");

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "order A-1111")], Tools()))
            updates.Add(update);

        var call = Assert.Single(updates.ToChatResponse().Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("get_order_status", call.Name);
        Assert.Equal("A-1111", call.Arguments?["order_id"]?.ToString());
    }

    [Fact]
    public async Task Rate_limit_surfaces_as_a_429_client_error()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { RateLimitRate = 1.0, RetryAfterSeconds = 0.01 });
        var client = ChatClients.For(server, "gpt-4.1-mini");

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync([new(ChatRole.User, "hi")]));

        Assert.Equal(429, error.Status);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task The_client_retries_honour_retry_after_and_count_every_attempt()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { RateLimitRate = 1.0, RetryAfterSeconds = 0.01 });
        var client = ChatClients.For(server, "gpt-4.1-mini", maxRetries: 2);

        await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync([new(ChatRole.User, "hi")]));

        Assert.Equal(3, server.RequestCount);
        Assert.Equal(0, server.CompletedCount);
    }

    [Fact]
    public async Task Server_error_and_malformed_replies_fail_the_call()
    {
        await using (var server = await Server.StartAsync(new FakeServerOptions { ServerErrorRate = 1.0 }))
        {
            var error = await Assert.ThrowsAsync<ClientResultException>(() => ChatClients.For(server, "m").GetResponseAsync([new(ChatRole.User, "hi")]));
            Assert.Equal(500, error.Status);
        }
        await using (var server = await Server.StartAsync(new FakeServerOptions { MalformedRate = 1.0 }))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => ChatClients.For(server, "m").GetResponseAsync([new(ChatRole.User, "hi")]));
            Assert.Equal(0, server.CompletedCount);
        }
    }

    [Fact]
    public async Task Hang_ends_when_the_caller_cancels()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { HangRate = 1.0 });
        using var cancel = new CancellationTokenSource();

        var call = ChatClients.For(server, "m").GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: cancel.Token);
        await ServerWait.UntilAsync(() => server.RequestCount == 1);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, server.RequestCount);
    }
}
