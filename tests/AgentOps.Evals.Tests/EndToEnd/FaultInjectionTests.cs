using AgentOps.Evals.FakeModelServer;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class FaultInjectionTests
{
    private const string Reply = "Your order was delivered on Monday.";
    private static readonly string[] InfraKinds = ["rate-limited", "server-error", "timeout", "malformed-response"];

    [Fact]
    public async Task A_run_through_429s_500s_hangs_and_malformed_replies_completes_with_every_trial_accounted_for()
    {
        const int cases = 80, k = 2;
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions
        {
            DefaultReply = Reply, RateLimitRate = 0.10, RetryAfterSeconds = 0.05, ServerErrorRate = 0.05, HangRate = 0.02, MalformedRate = 0.01, Seed = 7,
        });
        using var ws = CliWorkspace.Create(server.BaseUrl, cases, k, concurrency: 16, timeoutSeconds: 0.5, retries: 4);

        var result = await ws.RunAsync("run", "--candidate", "prod", "--provider", "fake");

        Assert.True(result.ExitCode == 0, result.ToString());
        var (runs, trials) = await ws.ReadStoreAsync();
        var run = Assert.Single(runs);
        Assert.Equal(RunStatus.Completed, run.Status);
        var stored = trials[run.RunId];
        AssertEveryTrialOnce(stored, cases, k);
        Assert.All(stored, AssertResultOrClassifiedInfraError);
        // Faults were injected and retried: more calls than trials.
        Assert.True(server.RequestCount > cases * k, $"{server.RequestCount} requests for {cases * k} trials");
    }

    [Fact]
    public async Task Without_retries_each_injected_fault_becomes_a_classified_infrastructure_error_and_each_reply_a_result()
    {
        const int cases = 100, k = 2;
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions
        {
            DefaultReply = Reply, RateLimitRate = 0.20, RetryAfterSeconds = 0.05, ServerErrorRate = 0.10, HangRate = 0.05, MalformedRate = 0.05, Seed = 11,
        });
        using var ws = CliWorkspace.Create(server.BaseUrl, cases, k, concurrency: 16, timeoutSeconds: 2, retries: 0);

        var result = await ws.RunAsync("run", "--candidate", "prod", "--provider", "fake");

        Assert.True(result.ExitCode == 0, result.ToString());
        var (runs, trials) = await ws.ReadStoreAsync();
        var stored = trials[Assert.Single(runs).RunId];
        AssertEveryTrialOnce(stored, cases, k);
        Assert.All(stored, AssertResultOrClassifiedInfraError);
        // At most one request per trial (no retry); every trial the server did not answer is an infra error. On a loaded
        // machine the client's timeout can fire before a request reaches the server, so the request count is a bound, not
        // an equality (a test never fails on time), and a reply finished just as the timeout fired also counts as one.
        Assert.InRange(server.RequestCount, 1, cases * k);
        var infra = stored.Count(t => t.Outcome == TrialOutcome.InfraError);
        Assert.InRange(infra, cases * k - server.CompletedCount, cases * k);
        Assert.InRange(stored.Count(t => t.Outcome == TrialOutcome.Passed), 1, server.CompletedCount);
        Assert.Equal(InfraKinds.Order(), stored.Where(t => t.Outcome == TrialOutcome.InfraError).Select(t => t.ErrorKind!).Distinct().Order());
    }

    private static void AssertEveryTrialOnce(IReadOnlyList<TrialResult> stored, int cases, int k)
    {
        var expected = Enumerable.Range(0, cases).SelectMany(i => Enumerable.Range(0, k).Select(t => (CliWorkspace.CaseId(i), t))).Order();
        Assert.Equal(expected, stored.Select(t => (t.CaseId, t.TrialIndex)).Order());
    }

    private static void AssertResultOrClassifiedInfraError(TrialResult trial)
    {
        if (trial.Outcome == TrialOutcome.InfraError)
        {
            Assert.Contains(trial.ErrorKind, InfraKinds);
            Assert.False(string.IsNullOrWhiteSpace(trial.Error));
        }
        else
        {
            Assert.Equal(TrialOutcome.Passed, trial.Outcome);
            Assert.Contains("delivered", trial.Output);
            Assert.NotEmpty(trial.Assertions);
        }
    }
}
