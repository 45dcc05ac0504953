using AgentOps.Evals.Config;
using AgentOps.Evals.FakeModelServer;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Providers.RateLimiting;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.EndToEnd;
using AgentOps.Evals.Tests.Targets;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.RateLimiting;

/// <summary>The chat pipeline ChatClientFactory builds: its limiter is the provider's, its concurrency is the run's, and a refused connection is named for what it is.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ProviderPipelineTests
{
    private static EvalConfig ConfigFor(Uri endpoint, int concurrency = 16, int retries = 0) => new()
    {
        Providers = new Dictionary<string, ProviderConfig> { ["fake"] = new("fake", "openai", endpoint.ToString()) },
        Run = new RunOptions { Concurrency = concurrency, Retries = retries },
    };

    [Fact]
    public void Candidates_and_the_judge_on_one_provider_share_one_limiter()
    {
        var provider = new ProviderConfig("shared-" + Guid.NewGuid().ToString("N"), "openai", "http://127.0.0.1:9/v1");
        Assert.Same(RateLimiterRegistry.For(provider), RateLimiterRegistry.For(provider with { }));
        Assert.NotSame(RateLimiterRegistry.For(provider), RateLimiterRegistry.For(provider with { Endpoint = "http://127.0.0.1:10/v1" }));
    }

    [Fact]
    public async Task The_provider_pipeline_does_not_cap_calls_at_the_configs_run_concurrency()
    {
        // run.concurrency 2 in the config, 6 trials at once (run --concurrency 6): all 6 reach the server together.
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions { DefaultReply = "ok", LatencyMs = 3000 });
        var config = ConfigFor(server.BaseUrl, concurrency: 2);
        var client = ChatClientFactory.Create(config, config.Providers["fake"], "prod", "gpt-4.1-mini");
        var calls = Enumerable.Range(0, 6).Select(i => client.GetResponseAsync([new ChatMessage(ChatRole.User, $"hello {i}")])).ToList();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (server.RequestCount < 6 && !deadline.IsCancellationRequested) await Task.Delay(10);
        var completedWhenAllArrived = server.CompletedCount;
        await Task.WhenAll(calls);
        Assert.Equal(6, server.RequestCount);
        Assert.Equal(0, completedWhenAllArrived);
    }

    [Fact]
    public async Task A_refused_connection_is_an_unreachable_infra_error_not_a_malformed_response()
    {
        var config = ConfigFor(new Uri($"http://127.0.0.1:{HttpTargetResilienceTests.FreePort()}/v1/"));
        var client = ChatClientFactory.Create(config, config.Providers["fake"], "prod", "gpt-4.1-mini");
        var error = await Assert.ThrowsAsync<InfrastructureException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));
        Assert.Equal("unreachable", error.Kind);
    }
}
