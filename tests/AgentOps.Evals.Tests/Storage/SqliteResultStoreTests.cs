using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Tests.Storage;

public sealed class SqliteResultStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-store").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static RunInfo Run(string id, string candidate = "prod") => new()
    {
        RunId = id,
        Candidate = new CandidateIdentity(candidate, "gpt-4.1-mini", "abcd1234", "replay", "0.1.0"),
        K = 3,
        GoldenSetRevision = "0123456789ab",
        StartedAt = new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero),
        Cases = [new RunCase("refunds-eu-012", "refunds", "P0", ["refunds", "locale:de-DE"], "golden-set/refunds/refunds-eu-012.yaml", 3)],
    };

    private static TrialResult Trial(string run, int index, TrialOutcome outcome) => new()
    {
        RunId = run,
        CaseId = "refunds-eu-012",
        TrialIndex = index,
        Outcome = outcome,
        Output = "You can return it within 14 days.",
        Trajectory = new Trajectory([new ModelTurn(0, "gpt-4.1-mini", 120, 30, 812.5, "stop")], [new ToolCallRecord(0, "get_order_status", """{"order_id":"A-1001"}""", """{"status":"delivered"}""")]),
        Usage = new TokenUsage(120, 30, 0.000096m),
        LatencyMs = 812.5,
        FinishReason = "stop",
        Assertions = [new AssertionResult("contains", outcome == TrialOutcome.Passed, "reason"), new AssertionResult("llm-rubric", true, "judge ok", 4.0)],
        FinishedAt = new DateTimeOffset(2026, 7, 1, 12, 0, 5, TimeSpan.Zero),
    };

    [Fact]
    public async Task Runs_and_trials_round_trip_with_identity_trajectory_usage_and_assertions()
    {
        var path = Path.Combine(_dir, "results.db");
        await using (var store = await SqliteResultStore.OpenAsync(path))
        {
            await store.CreateRunAsync(Run("run-a"));
            await store.AppendTrialsAsync([Trial("run-a", 0, TrialOutcome.Passed), Trial("run-a", 1, TrialOutcome.Failed)]);
            await store.FinishRunAsync("run-a", RunStatus.Completed, DateTimeOffset.UnixEpoch);
        }
        await using var reopened = await SqliteResultStore.OpenAsync(path);
        var run = await reopened.GetRunAsync("run-a");
        Assert.NotNull(run);
        Assert.Equal("abcd1234", run.Candidate.PromptHash);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(["refunds", "locale:de-DE"], run.Cases[0].Tags);
        var trials = await reopened.GetTrialsAsync("run-a");
        Assert.Equal(2, trials.Count);
        Assert.Equal(TrialOutcome.Failed, trials[1].Outcome);
        Assert.Equal("get_order_status", trials[0].Trajectory.ToolCalls[0].Name);
        Assert.Equal(0.000096m, trials[0].Usage.CostUsd);
        Assert.Equal(4.0, trials[0].Assertions[1].Score);
    }

    [Fact]
    public async Task Writing_a_trial_twice_keeps_one_row()
    {
        await using var store = await SqliteResultStore.OpenAsync(Path.Combine(_dir, "r.db"));
        await store.CreateRunAsync(Run("run-b"));
        await store.AppendTrialAsync(Trial("run-b", 0, TrialOutcome.Failed));
        await store.AppendTrialAsync(Trial("run-b", 0, TrialOutcome.Passed));
        var trial = Assert.Single(await store.GetTrialsAsync("run-b"));
        Assert.Equal(TrialOutcome.Passed, trial.Outcome);
        Assert.Equal(2, trial.Assertions.Count);
    }

    [Fact]
    public async Task Two_writers_on_one_file_lose_nothing()
    {
        var path = Path.Combine(_dir, "shared.db");
        await using var a = await SqliteResultStore.OpenAsync(path);
        await using var b = await SqliteResultStore.OpenAsync(path);
        await a.CreateRunAsync(Run("run-1"));
        await b.CreateRunAsync(Run("run-2"));
        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 200; i++) await a.AppendTrialAsync(Trial("run-1", i, TrialOutcome.Passed)); }),
            Task.Run(async () => { for (var i = 0; i < 200; i++) await b.AppendTrialAsync(Trial("run-2", i, TrialOutcome.Passed)); }));
        Assert.Equal(200, (await a.GetTrialsAsync("run-2")).Count);
        Assert.Equal(200, (await b.GetTrialsAsync("run-1")).Count);
        Assert.Equal(2, (await a.ListRunsAsync()).Count);
        Assert.Single(await a.ListRunsAsync("prod"), r => r.RunId == "run-1");
    }
}
