using System.Diagnostics;
using System.Globalization;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Cli.Output;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation.ModelGraded;
using AgentOps.Evals.Providers;
using Microsoft.Extensions.AI;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
using AgentOps.Evals.Targets;

namespace AgentOps.Evals.Cli.Commands;

/// <summary>What a run is asked to do, from the command line or from the gate.</summary>
internal sealed record RunRequest(string Candidate, int K, string? Filter, string? Shard, string? Provider, bool Record, int? Concurrency, RunInfo? Resume = null, bool RetryInfraErrors = false);

/// <summary>A finished (or interrupted) run: its stored record and trials.</summary>
internal sealed record RunResult(RunInfo Run, IReadOnlyList<TrialResult> Trials, RunOutcome Outcome, TimeSpan Elapsed);

/// <summary>Runs one candidate over the selected cases with progress, storing every trial: shared by <c>run</c> and <c>gate</c>.</summary>
internal static class RunExecution
{
    /// <summary>Runs and reads the run back; <paramref name="fullTrials"/> false reads trials without outputs and trajectories
    /// (enough for <c>run</c>'s table, and memory stays flat at 100,000 trials).</summary>
    public static async Task<RunResult> ExecuteAsync(Workspace ws, SqliteResultStore store, RunRequest request, CancellationToken cancellationToken, bool fullTrials = true)
    {
        if (request.K is < 1 or > RunOptions.MaxK) throw new InputException("-k", "-k", $"found {request.K}, expected a whole number from 1 to {RunOptions.MaxK} (as run.k in the config)");
        // Two git processes take ~40 ms: they run while the case files parse instead of after.
        var git = request.Resume is null ? Task.Run(() => (Commit: GitInfo.Commit(), Branch: GitInfo.Branch())) : null;
        var cases = CaseSelection.Select(ws.LoadCases(), request.Filter, request.Shard);
        if (cases.Count == 0)
            throw new InputException(ws.GoldenSetRoot, "--filter", $"no active case matches '{request.Filter}'{(request.Shard is null ? "" : $" in shard {request.Shard}")}");

        var provider = request.Resume is { } resumed ? ResumeCheck.Provider(resumed, request.Provider, ws.StorePath) : request.Provider;
        var session = CandidateSession.Open(ws.Config, request.Candidate, provider, request.Record);
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
            RetryInfraErrors = request.RetryInfraErrors,
        };

        var clock = Stopwatch.StartNew();
        RunOutcome outcome;
        try
        {
            outcome = await ProgressView.RunAsync(request.Candidate, progress => new EvalRunner().RunAsync(plan, store, progress, cancellationToken)).ConfigureAwait(false);
        }
        catch (StoreException e) when (e.Failure == StoreFailure.Full)
        {
            throw e.WithResume(run.RunId);
        }
        finally
        {
            var recorded = session.SaveRecordings();
            if (session.RecordingPath is { } path) Console.Error.WriteLine($"recorded {recorded} calls to {path}");
            if (judgeRecording is not null)
            {
                judgeRecording.Save();
                Console.Error.WriteLine($"recorded {judgeRecording.Count} judge calls to {judgeRecording.Path}");
            }
        }
        var stored = await store.GetRunAsync(run.RunId, CancellationToken.None).ConfigureAwait(false) ?? run;
        var trials = fullTrials
            ? await store.GetTrialsAsync(run.RunId, CancellationToken.None).ConfigureAwait(false)
            : await store.GetTrialSummariesAsync(run.RunId, CancellationToken.None).ConfigureAwait(false);
        return new RunResult(stored, trials, outcome, clock.Elapsed);
    }

    /// <summary>Case files as paths relative to the working folder, '/'-separated, so reports link them from the repository root.</summary>
    private static string RelativeFile(GoldenCase c) =>
        Path.GetRelativePath(Directory.GetCurrentDirectory(), c.Location.File).Replace('\\', '/');

    private static string NewRunId(string candidate) =>
        $"run-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{candidate}-{Random.Shared.Next(0x10000):x4}";
}
