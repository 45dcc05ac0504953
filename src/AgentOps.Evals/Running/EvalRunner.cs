using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Telemetry;
using System.Diagnostics;
using AgentOps.Evals.Storage;
using AgentOps.Evals.Targets;

namespace AgentOps.Evals.Running;

/// <summary>Runs k trials of every case against the target with bounded concurrency, storing each trial as it finishes.
/// Trials already in the store for this run are skipped, which is what makes <c>--resume</c> call no model twice.</summary>
internal sealed class EvalRunner
{
    /// <summary>Runs the plan. Cancelling stops new trials, keeps every finished one, and marks the run interrupted.</summary>
    public async Task<RunOutcome> RunAsync(RunPlan plan, IResultStore store, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var existing = await store.GetRunAsync(plan.Run.RunId, cancellationToken).ConfigureAwait(false);
        var done = new HashSet<(string, int)>();
        var retried = 0;
        if (existing is null)
            await store.CreateRunAsync(plan.Run, cancellationToken).ConfigureAwait(false);
        else
            foreach (var trial in await store.GetTrialsAsync(plan.Run.RunId, cancellationToken).ConfigureAwait(false))
            {
                // A retried trial runs again and its new result replaces the stored one (same case and index).
                if (plan.RetryInfraErrors && trial.Outcome == TrialOutcome.InfraError) retried++;
                else done.Add((trial.CaseId, trial.TrialIndex));
            }

        var work = new List<(GoldenCase Case, int Trial)>();
        foreach (var goldenCase in plan.Cases)
            for (var trial = 0; trial < plan.TrialsFor(goldenCase); trial++)
                if (!done.Contains((goldenCase.Id, trial)))
                    work.Add((goldenCase, trial));

        using var runSpan = EvalTelemetry.Source.StartActivity("eval.run " + plan.Run.Candidate.Name);
        runSpan?.SetTag("agentops.run.id", plan.Run.RunId);
        runSpan?.SetTag("agentops.candidate", plan.Run.Candidate.Name);
        runSpan?.SetTag("gen_ai.request.model", plan.Run.Candidate.ModelId);
        runSpan?.SetTag("agentops.prompt.hash", plan.Run.Candidate.PromptHash);
        runSpan?.SetTag("agentops.run.k", plan.Run.K);
        using var caseSpans = new CaseSpans(runSpan?.Context ?? default, work.GroupBy(w => w.Case.Id).ToDictionary(g => g.Key, g => g.Count()));

        var counter = new ProgressCounter(work.Count + done.Count, done.Count);
        progress?.Report(counter.Snapshot());
        InputException? badInput = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var interrupted = false;
        await using (var writer = new TrialWriter(store))
        {
            try
            {
                await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, plan.Concurrency), CancellationToken = stop.Token },
                    async (item, ct) =>
                    {
                        TrialResult result;
                        try
                        {
                            using var trialSpan = EvalTelemetry.Source.StartActivity("eval.trial", ActivityKind.Internal, caseSpans.Enter(item.Case.Id));
                            trialSpan?.SetTag("agentops.case.id", item.Case.Id);
                            trialSpan?.SetTag("agentops.trial.index", item.Trial);
                            result = await RunTrialAsync(plan, item.Case, item.Trial, ct).ConfigureAwait(false);
                            trialSpan?.SetTag("agentops.outcome", result.Outcome.ToString());
                            if (result.ErrorKind is { } kind) trialSpan?.SetTag("error.type", kind);
                            caseSpans.Leave(item.Case.Id, result.Outcome);
                            EvalTelemetry.RecordTrial(plan.Run.Candidate.Name, plan.Run.Candidate.ModelId, result);
                        }
                        catch (InputException e)
                        {
                            // Bad config found only when a provider is first used (e.g. a missing key): stop the run, it is not the model's fault.
                            Interlocked.CompareExchange(ref badInput, e, null);
                            await stop.CancelAsync().ConfigureAwait(false);
                            return;
                        }
                        await writer.WriteAsync(result).ConfigureAwait(false);
                        counter.Add(result.Outcome);
                        progress?.Report(counter.Snapshot());
                    }).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                interrupted = true;
            }
        }
        if (badInput is not null) throw badInput;

        var status = interrupted ? RunStatus.Interrupted : RunStatus.Completed;
        await store.FinishRunAsync(plan.Run.RunId, status, plan.Time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        progress?.Report(counter.Snapshot());
        return new RunOutcome(plan.Run.RunId, status, work.Count, done.Count, retried);
    }

    private static async Task<TrialResult> RunTrialAsync(RunPlan plan, GoldenCase goldenCase, int trial, CancellationToken cancellationToken)
    {
        // Everything the trial's calls need travels in this one object: no ambient state.
        var context = new TrialContext(goldenCase, trial, plan.Run.Candidate) { Clock = plan.Time };
        TargetResponse response;
        try
        {
            response = await plan.Target.RespondAsync(new TrialRequest(goldenCase, trial, plan.Run.Candidate) { Context = context }, cancellationToken).ConfigureAwait(false);
        }
        catch (InfrastructureException e)
        {
            return TrialScorer.InfraFailure(plan, goldenCase, trial, e.Kind, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException and not InputException)
        {
            return TrialScorer.InfraFailure(plan, goldenCase, trial, "target-error", $"{e.GetType().Name}: {e.Message}");
        }
        // The judge is bound to this trial: its calls key into the judge cassette and charge the trial's judge-spend
        // meter, so judge cost never mixes with the candidate's.
        var scoring = plan.Judge is null ? plan : plan with { Judge = new TrialBoundChatClient(plan.Judge, context.ForJudge(ChatClientFactory.JudgeCassette)) };
        var scored = await TrialScorer.ScoreAsync(scoring, goldenCase, trial, response, cancellationToken).ConfigureAwait(false);
        var judgeCost = context.JudgeSpend.CostUsd;
        return judgeCost == 0 ? scored : scored with { Usage = scored.Usage with { JudgeCostUsd = scored.Usage.JudgeCostUsd + judgeCost } };
    }

    private sealed class ProgressCounter(int total, int skipped)
    {
        private readonly int _skipped = skipped;
        private int _done = skipped, _passed, _failed, _infra;

        public void Add(TrialOutcome outcome)
        {
            Interlocked.Increment(ref _done);
            switch (outcome)
            {
                case TrialOutcome.Passed: Interlocked.Increment(ref _passed); break;
                case TrialOutcome.Failed: Interlocked.Increment(ref _failed); break;
                default: Interlocked.Increment(ref _infra); break;
            }
        }

        public RunProgress Snapshot() => new(total, Volatile.Read(ref _done), Volatile.Read(ref _passed), Volatile.Read(ref _failed), Volatile.Read(ref _infra), _skipped);
    }
}

/// <summary>How a run ended: its id, status, trials run now and trials skipped because the store already had them.</summary>
/// <param name="InfraErrorsRetried">Stored infrastructure-error trials run again (<c>--retry-infra</c>).</param>
/// <param name="RunId">The run.</param>
/// <param name="Status">How it ended: completed or interrupted.</param>
/// <param name="TrialsRun">Trials run now.</param>
/// <param name="TrialsSkipped">Trials skipped because the store already had them (a resume).</param>
public sealed record RunOutcome(string RunId, RunStatus Status, int TrialsRun, int TrialsSkipped, int InfraErrorsRetried = 0);
