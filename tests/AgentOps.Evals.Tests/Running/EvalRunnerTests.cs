using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Running;

public sealed class EvalRunnerTests
{
    private static readonly CandidateIdentity Prod = new("prod", "m", "abcd1234", "test", "0.1.0");

    private static RunPlan Plan(ITarget target, int cases = 5, int k = 3, string runId = "run-1") => new()
    {
        Run = new RunInfo { RunId = runId, Candidate = Prod, K = k, GoldenSetRevision = "rev", StartedAt = DateTimeOffset.UnixEpoch },
        Cases = Enumerable.Range(0, cases).Select(i => TestCases.Make($"case-{i:00}", expect: TestCases.Assert("test-contains", "delivered"))).ToList(),
        Target = target,
        Evaluators = new EvaluatorRegistry().Register(new OutputContainsEvaluator()),
        Concurrency = 4,
    };

    [Fact]
    public async Task Every_case_gets_k_trials_scored_and_stored()
    {
        var target = new FuncTarget((request, _) => request.Case.Id == "case-03" ? "lost in transit" : "delivered yesterday");
        await using var store = new InMemoryResultStore();
        var outcome = await new EvalRunner().RunAsync(Plan(target), store);
        var trials = await store.GetTrialsAsync("run-1");
        Assert.Equal(RunStatus.Completed, outcome.Status);
        Assert.Equal(15, trials.Count);
        Assert.Equal(3, trials.Count(t => t.Outcome == TrialOutcome.Failed));
        Assert.All(trials.Where(t => t.CaseId == "case-03"), t => Assert.Contains("expected to contain 'delivered'", t.Assertions[0].Reason));
    }

    [Fact]
    public async Task Resuming_a_run_calls_the_target_only_for_missing_trials()
    {
        await using var store = new InMemoryResultStore();
        var first = new FuncTarget((request, _) => request.Case.Id == "case-02" && request.TrialIndex == 1 ? throw new OperationCanceledException() : "delivered");
        using (var cts = new CancellationTokenSource())
        {
            var plan = Plan(first, k: 2) with { Concurrency = 1 };
            // The target cancels the run on case-02/1: everything before it is stored, nothing after.
            var target = new FuncTarget((request, ct) =>
            {
                if (request.Case.Id == "case-02" && request.TrialIndex == 1) { cts.Cancel(); ct.ThrowIfCancellationRequested(); }
                return "delivered";
            });
            var outcome = await new EvalRunner().RunAsync(plan with { Target = target }, store, cancellationToken: cts.Token);
            Assert.Equal(RunStatus.Interrupted, outcome.Status);
        }
        var stored = (await store.GetTrialsAsync("run-1")).Count;
        Assert.Equal(5, stored);

        var second = new FuncTarget((_, _) => "delivered");
        var resumed = await new EvalRunner().RunAsync(Plan(second, k: 2), store);
        Assert.Equal(5, second.Calls);
        Assert.Equal(5, resumed.TrialsSkipped);
        var trials = await store.GetTrialsAsync("run-1");
        Assert.Equal(10, trials.Count);
        Assert.Equal(10, trials.Select(t => (t.CaseId, t.TrialIndex)).Distinct().Count());
    }

    [Fact]
    public async Task Infrastructure_failures_are_recorded_apart_from_model_failures()
    {
        var target = new FuncTarget((request, _) => request.Case.Id == "case-01" ? throw new InfrastructureException("rate-limited", "429 after 5 attempts") : "delivered");
        await using var store = new InMemoryResultStore();
        await new EvalRunner().RunAsync(Plan(target), store);
        var trials = await store.GetTrialsAsync("run-1");
        var infra = trials.Where(t => t.Outcome == TrialOutcome.InfraError).ToList();
        Assert.Equal(3, infra.Count);
        Assert.All(infra, t => Assert.Equal("rate-limited", t.ErrorKind));
        Assert.Equal(0, trials.Count(t => t.Outcome == TrialOutcome.Failed));
    }

    [Fact]
    public async Task A_circuit_breaker_trial_fails_with_that_reason()
    {
        var target = new FuncTarget((_, _) => "delivered", circuitBreaker: true);
        await using var store = new InMemoryResultStore();
        await new EvalRunner().RunAsync(Plan(target, cases: 1, k: 1), store);
        var trial = Assert.Single(await store.GetTrialsAsync("run-1"));
        Assert.Equal(TrialOutcome.Failed, trial.Outcome);
        Assert.Equal("circuit-breaker", trial.ErrorKind);
        Assert.StartsWith("circuit breaker", trial.Error);
    }

    private sealed class FuncTarget(Func<TrialRequest, CancellationToken, string> answer, bool circuitBreaker = false) : ITarget
    {
        private int _calls;
        public int Calls => Volatile.Read(ref _calls);

        public Task<TargetResponse> RespondAsync(TrialRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            var output = answer(request, cancellationToken);
            return Task.FromResult(new TargetResponse(output, Trajectory.Empty, new TokenUsage(10, 5, 0.001m), 12.5, "stop", "m", circuitBreaker));
        }
    }
}
