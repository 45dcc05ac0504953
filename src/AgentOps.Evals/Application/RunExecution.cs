using System.Diagnostics;
using System.Globalization;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation.ModelGraded;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
using AgentOps.Evals.Targets;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Application;

/// <summary>Runs one candidate over the selected cases, storing every trial: what <c>run</c>, <c>gate</c> and the xunit adapter share.</summary>
internal static class RunExecution
{
    /// <summary>Runs and reads the run back; <paramref name="fullTrials"/> false reads trials without outputs and trajectories
    /// (enough for <c>run</c>'s table, and memory stays flat at 100,000 trials).</summary>
    public static async Task<RunResult> ExecuteAsync(EvalWorkspace ws, IResultStore store, RunRequest request, IRunObserver observer, CancellationToken cancellationToken, bool fullTrials = true)
    {
        if (request.K is < 1 or > RunOptions.MaxK) throw new InputException("-k", "-k", $"found {request.K}, expected a whole number from 1 to {RunOptions.MaxK} (as run.k in the config)");
        if (request.Concurrency is < 1 or > 4096) throw new InputException("--concurrency", "--concurrency", $"found {request.Concurrency}, expected a whole number from 1 to 4096 (as run.concurrency in the config)");
        // Two git processes take ~40 ms: they run while the case files parse instead of after.
        var git = request.Resume is null ? Task.Run(GitInfo.Current) : null;
        var cases = request.Cases ?? ws.SelectCases(request.Filter, request.Shard);
        if (request.TrialCounts is { } counts) cases = cases.Where(c => counts.ContainsKey(c.Id)).ToList();
        if (cases.Count == 0)
            throw new InputException(ws.GoldenSetRoot, "--filter", $"no active case matches '{request.Filter}'{(request.Shard is null ? "" : $" in shard {request.Shard}")}");

        var provider = request.Resume is { } resumed ? ResumeCheck.Provider(resumed, request.Provider, ws.StorePath) : request.Provider;
        var session = CandidateSession.Open(ws.Config, request.Candidate, provider, request.Record, targets: ws.Targets);
        if (request.Resume is not null) ResumeCheck.EnsureSameCandidate(request.Resume, session.Identity, ws.Config.SourceFile);
        // The judge is built only when a selected case asks for it, so runs without model-graded cases need no judge key.
        CassetteFile? judgeRecording = null;
        IChatClient? judge = null;
        if (cases.Any(c => ModelGrading.NeedsJudge(c, ws.Evaluators)))
        {
            if (request.Record) judgeRecording = CassetteFile.Load(CassetteFile.PathFor(CandidateSession.CassetteFolder(ws.Config), ChatClientFactory.JudgeCassette));
            judge = ChatClientFactory.CreateJudge(ws.Config, judgeRecording, gradedProvider: session.Identity.Provider);
        }
        var (commit, branch) = git is null ? default : await git.ConfigureAwait(false);
        var run = request.Resume ?? new RunInfo
        {
            RunId = NewRunId(request.Candidate),
            Candidate = session.Identity,
            K = request.K,
            GoldenSetRevision = GoldenSetRevision.Compute(cases),
            StartedAt = DateTimeOffset.UtcNow,
            Filter = request.Filter,
            Shard = request.Shard,
            Cases = cases.Select(c => new RunCase(c.Id, c.Suite, c.Severity.ToString(), c.Tags, RelativeFile(c), c.Consistency?.K ?? request.K, c.Title)).ToList(),
            GitCommit = commit,
            GitBranch = branch,
        };
        var plan = new RunPlan
        {
            Run = run,
            Cases = cases,
            Target = session.Target,
            Evaluators = ws.Evaluators,
            Concurrency = request.Concurrency ?? ws.Config.Run.Concurrency,
            Judge = judge,
            Embeddings = EmbeddingGeneratorFactory.Create(ws.Config, session.Identity.Provider),
            RetryInfraErrors = request.RetryInfraErrors,
            TrialCounts = request.TrialCounts,
        };

        var clock = Stopwatch.StartNew();
        RunOutcome outcome;
        try
        {
            outcome = await observer.WatchAsync(request.Candidate, progress => new EvalRunner().RunAsync(plan, store, progress, cancellationToken)).ConfigureAwait(false);
        }
        catch (StoreException e) when (e.Failure == StoreFailure.Full)
        {
            throw e.WithResume(run.RunId);
        }
        finally
        {
            var recorded = session.SaveRecordings();
            if (session.RecordingPath is { } path) observer.Recorded(recorded, path, judge: false);
            if (judgeRecording is not null)
            {
                judgeRecording.Save();
                observer.Recorded(judgeRecording.Count, judgeRecording.Path, judge: true);
            }
        }
        var stored = await store.GetRunAsync(run.RunId, CancellationToken.None).ConfigureAwait(false) ?? run;
        var trials = fullTrials || store is not SqliteResultStore sqlite
            ? await store.GetTrialsAsync(run.RunId, CancellationToken.None).ConfigureAwait(false)
            : await sqlite.GetTrialSummariesAsync(run.RunId, CancellationToken.None).ConfigureAwait(false);
        return new RunResult(stored, trials, outcome, clock.Elapsed);
    }

    /// <summary>Case files as paths relative to the working folder, '/'-separated, so reports link them from the repository root.</summary>
    private static string RelativeFile(GoldenCase c) =>
        Path.GetRelativePath(Directory.GetCurrentDirectory(), c.Location.File).Replace('\\', '/');

    private static string NewRunId(string candidate) =>
        $"run-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{candidate}-{Random.Shared.Next(0x10000):x4}";
}
