using AgentOps.Evals.FakeModelServer;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class KillAndResumeTests
{
    private const string Reply = "Your order was delivered on Monday.";

    [Fact]
    public async Task A_run_killed_repeatedly_then_resumed_stores_every_trial_once_and_never_asks_the_model_again_for_a_stored_one()
    {
        // k = 1, so each case is one trial and the server's count per user message is a count per trial.
        const int cases = 60;
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions { LatencyMs = 150, DefaultReply = Reply });
        using var ws = CliWorkspace.Create(server.BaseUrl, cases, k: 1, concurrency: 4);
        var caseOfQuestion = Enumerable.Range(0, cases).ToDictionary(CliWorkspace.Question, CliWorkspace.CaseId);

        string? runId = null;
        var stored = new HashSet<string>();
        const int kills = 3;
        for (var round = 0; round <= kills; round++)
        {
            server.ResetCounters();
            string[] args = runId is null ? ["run", "--candidate", "prod", "--provider", "fake"] : ["run", "--resume", runId];
            if (round < kills)
            {
                using var process = ws.Start(args);
                var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
                var target = stored.Count + 8;
                using (var wait = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
                    while (!process.HasExited && ws.CountStoredTrials() < target)
                        await Task.Delay(10, wait.Token);
                Assert.False(process.HasExited, $"round {round}: the run ended (exit {(process.HasExited ? process.ExitCode : 0)}) before it could be killed");
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                await drain;
            }
            else
            {
                var result = await ws.RunAsync(args);
                Assert.True(result.ExitCode == 0, result.ToString());
                // The last resume finishes the run: exactly one model call per trial that was not stored yet.
                Assert.Equal(cases - stored.Count, server.RequestCount);
            }

            var (runs, trials) = await ws.ReadStoreAsync();
            var run = Assert.Single(runs);
            runId = run.RunId;
            var requested = server.RequestsByUserMessage;
            var askedAgain = stored.Where(id => requested.Keys.Any(q => caseOfQuestion[q] == id)).ToList();
            Assert.True(askedAgain.Count == 0, $"round {round}: model called again for stored trials {string.Join(", ", askedAgain)}");

            var now = trials[runId].Select(t => t.CaseId).ToList();
            Assert.Equal(now.Count, now.Distinct().Count());
            Assert.Superset(stored, now.ToHashSet());
            Assert.True(now.Count > stored.Count, $"round {round}: no new trial was stored");
            stored = now.ToHashSet();
        }

        var (finalRuns, finalTrials) = await ws.ReadStoreAsync();
        Assert.Equal(RunStatus.Completed, Assert.Single(finalRuns).Status);
        var all = finalTrials[runId!];
        Assert.Equal(Enumerable.Range(0, cases).Select(CliWorkspace.CaseId).Order(), all.Select(t => t.CaseId).Order());
        Assert.All(all, t => Assert.Equal(TrialOutcome.Passed, t.Outcome));
    }
}
