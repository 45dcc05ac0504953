using AgentOps.Evals.FakeModelServer;
using AgentOps.Evals.Running;
using AgentOps.Evals.Tests.EndToEnd;

namespace AgentOps.Evals.Tests.RateLimiting;

/// <summary>The real CLI against the fake server's OpenAI-like rate-limit mode: a run that outpaces the limit still finishes
/// every trial, with no infra error. Not timed: speed lives in bench/ratelimit.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class RateLimitedRunTests
{
    [Fact]
    public async Task A_run_against_a_rate_limited_server_finishes_with_no_infra_errors()
    {
        const int cases = 40, k = 2;
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions
        {
            DefaultReply = "Your order was delivered on Monday.", LatencyMs = 20, LimitRequestsPerSecond = 20, LimitBurstSeconds = 0.25,
        });
        // retries: 1 — a small count that used to turn every second 429 into an infra error; 429s are now waited out by time.
        using var ws = CliWorkspace.Create(server.BaseUrl, cases, k, concurrency: 16, retries: 1);

        var result = await ws.RunAsync("run", "--candidate", "prod", "--provider", "fake");

        Assert.True(result.ExitCode == 0, result.ToString());
        var (runs, trials) = await ws.ReadStoreAsync();
        var stored = trials[Assert.Single(runs).RunId];
        Assert.Equal(cases * k, stored.Count);
        Assert.All(stored, t => Assert.Equal(TrialOutcome.Passed, t.Outcome));
    }
}
