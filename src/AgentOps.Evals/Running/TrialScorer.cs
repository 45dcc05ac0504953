using AgentOps.Evals.Cases;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Targets;

namespace AgentOps.Evals.Running;

/// <summary>Judges one response against a case's assertions and decides the trial's outcome.</summary>
internal static class TrialScorer
{
    public static async Task<TrialResult> ScoreAsync(RunPlan plan, GoldenCase goldenCase, int trialIndex, TargetResponse response, CancellationToken cancellationToken)
    {
        var context = new AssertionContext(goldenCase, response, plan.Run.Candidate, trialIndex) { Judge = plan.Judge, Embeddings = plan.Embeddings };
        var results = new List<AssertionResult>(goldenCase.Expect.Count);
        foreach (var spec in goldenCase.Expect)
        {
            // Loaded cases carry their binding; only a spec built in code is bound here.
            results.Add(await plan.Evaluators.Bind(spec).EvaluateAsync(context, cancellationToken).ConfigureAwait(false));
        }
        results.AddRange(await TurnScorer.ScoreAsync(plan, context, cancellationToken).ConfigureAwait(false));

        TrialOutcome outcome;
        string? error = null, kind = null;
        if (response.CircuitBreaker)
        {
            outcome = TrialOutcome.Failed;
            kind = "circuit-breaker";
            error = $"circuit breaker: the agent was still calling tools after {response.Trajectory.Turns.Count} model turns";
        }
        else if (results.Any(r => r.InfraError))
        {
            outcome = TrialOutcome.InfraError;
            kind = "judge-error";
            error = string.Join("; ", results.Where(r => r.InfraError).Select(r => $"{r.Type}: {r.Reason}"));
        }
        else
        {
            outcome = results.All(r => r.Passed) ? TrialOutcome.Passed : TrialOutcome.Failed;
        }

        return new TrialResult
        {
            RunId = plan.Run.RunId,
            CaseId = goldenCase.Id,
            TrialIndex = trialIndex,
            Outcome = outcome,
            Output = response.Output,
            Trajectory = response.Trajectory,
            Usage = response.Usage,
            LatencyMs = Math.Round(response.LatencyMs, 2),
            FinishReason = response.FinishReason,
            Assertions = [.. results],
            Error = error,
            ErrorKind = kind,
            FinishedAt = plan.Time.GetUtcNow(),
        };
    }

    public static TrialResult InfraFailure(RunPlan plan, GoldenCase goldenCase, int trialIndex, string kind, string message) => new()
    {
        RunId = plan.Run.RunId,
        CaseId = goldenCase.Id,
        TrialIndex = trialIndex,
        Outcome = TrialOutcome.InfraError,
        Error = message,
        ErrorKind = kind,
        FinishedAt = plan.Time.GetUtcNow(),
    };
}
