using AgentOps.Evals.Application;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Tests.Cases;

namespace AgentOps.Evals.Tests.Shadowing;

/// <summary>A killed shadow (cancelled mid-run) finishes with --resume: stored trials are reused, not answered again.</summary>
public sealed class ShadowResumeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shadow-resume-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private EvalWorkspace Open() =>
        EvalWorkspace.Open(new WorkspacePaths(Path.Combine(RepoPaths.Root, "eval.config.yaml"), ConfigRequired: true, StorePath: Path.Combine(_dir, "results.db")));

    /// <summary>Cancels the shadow once <paramref name="candidate"/>'s run has stored <paramref name="after"/> trials.</summary>
    private sealed class KillAfter(string candidate, int after, CancellationTokenSource kill) : IRunObserver
    {
        public Task<RunOutcome> WatchAsync(string name, Func<IProgress<RunProgress>?, Task<RunOutcome>> run) =>
            run(name == candidate ? new Watch(after, kill) : null);

        public void Recorded(int calls, string path, bool judge) { }

        private sealed class Watch(int after, CancellationTokenSource kill) : IProgress<RunProgress>
        {
            public void Report(RunProgress value)
            {
                if (value.Done >= after) kill.Cancel();
            }
        }
    }

    [Fact]
    public async Task A_shadow_killed_during_the_candidate_run_resumes_without_answering_stored_trials_again()
    {
        var ws = Open();
        var inputs = ws.LoadShadowSet();
        var request = new ShadowRequest("prod", "next", 3, inputs, Concurrency: 2);
        using var kill = new CancellationTokenSource();
        var stopped = await Assert.ThrowsAsync<RunInterruptedException>(() => ws.ShadowAsync(request, new KillAfter("next", 10, kill), kill.Token));
        Assert.Contains($"agentops-evals shadow --resume {stopped.ResumeId} --baseline prod --candidate next", stopped.Message);

        // What the kill left in the store: prod's run complete, next's run part-way, both under the shadow id.
        var runs = await ws.ListRunsAsync();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal("shadow set " + stopped.ResumeId, r.Filter));
        var stored = 0;
        foreach (var run in runs) stored += (await ws.ReportAsync(run.RunId)).Trials.Count;
        Assert.InRange(stored, 60 + 10, 119);

        var report = await ws.ShadowAsync(request with { Resume = stopped.ResumeId });
        Assert.Equal(stored, report.TrialsReused);              // every stored trial reused...
        Assert.Equal(120 - stored, report.TrialsRun);           // ...and only the missing ones answered
        Assert.Equal(stopped.ResumeId, report.ShadowId);
        Assert.Equal(runs.Single(r => r.Candidate.Name == "next").RunId, report.CandidateRunId);
        Assert.Equal(2, (await ws.ListRunsAsync()).Count);      // finished in place: no new runs
        Assert.Equal(GateOutcome.Fail, report.Verdict.Outcome);   // the same verdict an uninterrupted shadow gives
        Assert.All(report.Inputs, i => Assert.Equal(3, i.Candidate.Trials));

        // A resume by either side's run id finds the same shadow; all is stored, so nothing runs.
        var again = await ws.ShadowAsync(request with { Resume = report.BaselineRunId });
        Assert.Equal((0, 120), (again.TrialsRun, again.TrialsReused));
    }

    [Fact]
    public async Task A_resume_with_other_sides_or_an_unknown_id_is_refused_with_the_reason()
    {
        var ws = Open();
        var inputs = ws.LoadShadowSet();
        var done = await ws.ShadowAsync(new ShadowRequest("prod", "next", 2, inputs, Judge: false));
        var swapped = await Assert.ThrowsAsync<InputException>(() => ws.ShadowAsync(new ShadowRequest("production", "next", 2, inputs, Judge: false, Resume: done.ShadowId)));
        Assert.Contains("ran 'prod'", swapped.Message);
        var unknown = await Assert.ThrowsAsync<InputException>(() => ws.ShadowAsync(new ShadowRequest("prod", "next", 2, inputs, Judge: false, Resume: "shadow-nope")));
        Assert.Contains("no shadow 'shadow-nope'", unknown.Message);
        var fewer = await Assert.ThrowsAsync<InputException>(() => ws.ShadowAsync(new ShadowRequest("prod", "next", 2, inputs.Skip(1).ToList(), Judge: false, Resume: done.ShadowId)));
        Assert.Contains("shadow set changed", fewer.Message);
    }
}
