using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Tests.Storage;

/// <summary>The store writes a trial's assertions as one multi-row statement per distinct count; these pin what that must keep.</summary>
public sealed class AssertionBatchWriteTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-assertions").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static RunInfo Run(string id) => new()
    {
        RunId = id,
        Candidate = new CandidateIdentity("prod", "gpt-4.1-mini", "abcd1234", "replay", "0.1.0"),
        K = 1,
        GoldenSetRevision = "0123456789ab",
        StartedAt = DateTimeOffset.UnixEpoch,
        Cases = [],
    };

    private static TrialResult Trial(string run, string caseId, params AssertionResult[] assertions) => new()
    {
        RunId = run,
        CaseId = caseId,
        TrialIndex = 0,
        Outcome = assertions.All(a => a.Passed) ? TrialOutcome.Passed : TrialOutcome.Failed,
        Output = "out",
        Assertions = assertions,
        FinishedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task One_batch_with_different_assertion_counts_round_trips_every_assertion_in_order()
    {
        await using var store = await SqliteResultStore.OpenAsync(Path.Combine(_dir, "a.db"));
        await store.CreateRunAsync(Run("run-a"));
        await store.AppendTrialsAsync([
            Trial("run-a", "c3", new AssertionResult("contains", true, "r0"), new AssertionResult("regex", false, "r1", 0.5), new AssertionResult("equals", true, "r2")),
            Trial("run-a", "c0"),
            Trial("run-a", "c1", new AssertionResult("is-json", false, "only")),
            Trial("run-a", "c3b", new AssertionResult("contains", false, "x0"), new AssertionResult("regex", true, "x1"), new AssertionResult("equals", false, "x2", InfraError: true)),
        ]);
        var trials = (await store.GetTrialsAsync("run-a")).ToDictionary(t => t.CaseId);
        Assert.Equal(["contains", "regex", "equals"], trials["c3"].Assertions.Select(a => a.Type));
        Assert.Equal(["r0", "r1", "r2"], trials["c3"].Assertions.Select(a => a.Reason));
        Assert.Equal(0.5, trials["c3"].Assertions[1].Score);
        Assert.Empty(trials["c0"].Assertions);
        Assert.Equal("only", Assert.Single(trials["c1"].Assertions).Reason);
        Assert.Equal(["x0", "x1", "x2"], trials["c3b"].Assertions.Select(a => a.Reason));
        Assert.True(trials["c3b"].Assertions[2].InfraError);
    }

    [Fact]
    public async Task Rewriting_a_trial_with_fewer_assertions_leaves_none_of_the_old_ones()
    {
        await using var store = await SqliteResultStore.OpenAsync(Path.Combine(_dir, "b.db"));
        await store.CreateRunAsync(Run("run-b"));
        await store.AppendTrialAsync(Trial("run-b", "c", new AssertionResult("contains", false, "old0"), new AssertionResult("regex", false, "old1"), new AssertionResult("equals", false, "old2")));
        await store.AppendTrialAsync(Trial("run-b", "c", new AssertionResult("contains", true, "new0")));
        var trial = Assert.Single(await store.GetTrialsAsync("run-b"));
        Assert.Equal("new0", Assert.Single(trial.Assertions).Reason);
        await store.AppendTrialAsync(Trial("run-b", "c"));
        Assert.Empty(Assert.Single(await store.GetTrialsAsync("run-b")).Assertions);
    }
}
