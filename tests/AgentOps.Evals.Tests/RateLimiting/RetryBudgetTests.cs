using AgentOps.Evals.Providers;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace AgentOps.Evals.Tests.RateLimiting;

/// <summary>429s are waited out within a time budget, honouring the server's wait in full; the count still bounds other failures.</summary>
public sealed class RetryBudgetTests
{
    private static InfrastructureException RateLimited(TimeSpan wait) => new("rate-limited", "429") { RetryAfter = wait };

    [Fact]
    public async Task A_429_is_retried_past_the_retry_count_while_the_time_budget_lasts()
    {
        var time = new FakeTimeProvider();
        var inner = new ScriptedChatClient((_, _, call) => call <= 10 ? throw RateLimited(TimeSpan.FromSeconds(1)) : ScriptedChatClient.Text("ok"));
        var client = new RetryingChatClient(inner, new RetryPolicy(MaxRetries: 2, Budget: TimeSpan.FromSeconds(60)), time);

        var call = client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);
        for (var i = 1; i <= 10; i++)
        {
            await WaitForAttemptAsync(inner, i);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal("ok", (await call).Text);
        Assert.Equal(11, inner.Calls);
    }

    [Fact]
    public async Task The_servers_retry_after_is_honoured_in_full_even_above_the_backoff_cap()
    {
        var time = new FakeTimeProvider();
        var inner = new ScriptedChatClient((_, _, call) => call == 1 ? throw RateLimited(TimeSpan.FromSeconds(45)) : ScriptedChatClient.Text("ok"));
        var client = new RetryingChatClient(inner, new RetryPolicy(MaxRetries: 2, MaxDelay: TimeSpan.FromSeconds(30), Budget: TimeSpan.FromMinutes(5)), time);

        var call = client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);
        await WaitForAttemptAsync(inner, 1);
        time.Advance(TimeSpan.FromSeconds(44));
        await Task.Yield();
        Assert.Equal(1, inner.Calls);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("ok", (await call).Text);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task When_the_budget_cannot_cover_the_wait_the_trial_is_rate_limited_without_waiting()
    {
        var inner = new ScriptedChatClient((_, _, _) => throw RateLimited(TimeSpan.FromMinutes(10)));
        var client = new RetryingChatClient(inner, new RetryPolicy(MaxRetries: 4, Budget: TimeSpan.FromMinutes(5)), new FakeTimeProvider());
        var error = await Assert.ThrowsAsync<InfrastructureException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));
        Assert.Equal("rate-limited", error.Kind);
        Assert.Equal(1, inner.Calls);
    }

    /// <summary>Waits (not timed: only until the loop got there) for attempt <paramref name="n"/> to have failed and the
    /// retry loop to have started its delay on the fake clock, so advancing the clock lets that delay end.</summary>
    private static async Task WaitForAttemptAsync(ScriptedChatClient inner, int n)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (inner.Calls < n && !limit.IsCancellationRequested) await Task.Delay(1);
        await Task.Delay(20);
    }
}
