using AgentOps.Evals.Providers;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.Providers;

public sealed class RetryTests
{
    private static readonly RetryPolicy Fast = new(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));

    [Theory]
    [InlineData("rate-limited")]
    [InlineData("server-error")]
    [InlineData("timeout")]
    [InlineData("malformed-response")]
    public async Task Transient_failures_are_retried_until_the_call_succeeds(string kind)
    {
        var inner = new ScriptedChatClient((_, _, call) => call <= 2 ? throw new InfrastructureException(kind, "boom") : ScriptedChatClient.Text("ok"));
        var client = new RetryingChatClient(inner, Fast);
        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);
        Assert.Equal("ok", response.Text);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task Other_client_errors_are_never_retried()
    {
        var inner = new ScriptedChatClient((_, _, _) => throw new HttpRequestException("bad request", null, System.Net.HttpStatusCode.BadRequest));
        var client = new RetryingChatClient(inner, Fast);
        var error = await Assert.ThrowsAsync<InfrastructureException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));
        Assert.Equal("client-error", error.Kind);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task When_retries_run_out_the_failure_is_classified_with_the_attempt_count()
    {
        var inner = new ScriptedChatClient((_, _, _) => throw new HttpRequestException("503", null, System.Net.HttpStatusCode.ServiceUnavailable));
        var client = new RetryingChatClient(inner, Fast);
        var error = await Assert.ThrowsAsync<InfrastructureException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));
        Assert.Equal("server-error", error.Kind);
        Assert.Contains("after 4 attempts", error.Message);
        Assert.Equal(4, inner.Calls);
    }

    [Fact]
    public async Task A_call_over_its_time_limit_fails_as_a_timeout()
    {
        var hanging = new HangingChatClient();
        var client = new TimeoutChatClient(hanging, TimeSpan.FromMilliseconds(20));
        await Assert.ThrowsAsync<TimeoutException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));
    }

    private sealed class HangingChatClient : IChatClient
    {
        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public object? GetService(Type serviceType, object? serviceKey = null) => null;
        public void Dispose() { }
    }
}
