using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Evaluation.Meai;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AgentOps.Evals.Tests.Evaluation.Meai;

/// <summary>Every assertion, built-in or custom, is scored through a Microsoft.Extensions.AI.Evaluation <see cref="IEvaluator"/>:
/// the runner calls the assertion's evaluator, and the verdict it reads back is the one the assertion's own check decided.</summary>
public sealed class OneEvaluatorPathTests
{
    /// <summary>Assertions of many families, on trials that pass, fail and cannot be decided.</summary>
    public static TheoryData<string, string, string> Assertions => new()
    {
        { "contains", """{"value": "14 days"}""", "You have 14 days." },
        { "contains", """{"value": "14 days"}""", "You have 30 days." },
        { "regex", """{"pattern": "\\d+ days"}""", "within 14 days" },
        { "levenshtein", """{"value": "You have 14 days.", "threshold": 0.5}""", "You have 15 days." },
        { "rouge-l", """{"value": "returns within fourteen days", "threshold": 0.9}""", "returns within 30 days" },
        { "is-json", "{}", """{"ok": true}""" },
        { "json-path", """{"path": "$.ok", "equals": true}""", "not json" },
        { "max-latency-ms", """{"value": 1000}""", "slow answer" },
        { "no-refusal", "{}", "I'm sorry, I can't help with that." },
        { "llm-rubric", """{"rubric": "polite"}""", "no judge configured: an infrastructure error" },
        { "javascript", """{"value": "output.length > 3"}""", "long enough" },
    };

    [Theory]
    [MemberData(nameof(Assertions))]
    public async Task Scoring_through_the_MEAI_evaluator_gives_exactly_the_assertions_own_verdict(string type, string args, string output)
    {
        var bound = Check.Bind(type, args);
        var context = Trial.Answer(output).ToContext();

        var own = await bound.CheckAsync(context, CancellationToken.None);
        var scored = await bound.EvaluateAsync(context, CancellationToken.None);

        Assert.IsType<AssertionEvaluator>(bound.Evaluator);
        Assert.Equal((own.Type, own.Passed, own.Reason, own.Score, own.InfraError), (scored.Type, scored.Passed, scored.Reason, scored.Score, scored.InfraError));
        // The metric it was read from is kept: named after the type, the verdict as a yes/no value, or an error diagnostic.
        var metric = Assert.IsType<EvaluatorMetric>(scored.Metric);
        Assert.Equal((type, "boolean", own.Reason), (metric.Name, metric.Kind, metric.Reason));
        if (own.InfraError)
        {
            Assert.Null(metric.BooleanValue);
            Assert.Equal(own.Reason, Assert.Single(metric.Diagnostics, d => d.Severity == "Error").Message);
        }
        else
        {
            Assert.Equal(own.Passed, metric.BooleanValue);
            Assert.Equal(own.Passed ? "Good" : "Unacceptable", metric.Rating);
        }
    }

    [Fact]
    public async Task The_runner_scores_a_custom_assertion_through_its_evaluator_with_the_whole_trial()
    {
        var spy = new SpyingAssertionType();
        var plan = new RunPlan
        {
            Run = new RunInfo { RunId = "run-1", Candidate = new CandidateIdentity("prod", "m", "abcd1234", "test", "0.1.0"), K = 2, GoldenSetRevision = "rev", StartedAt = DateTimeOffset.UnixEpoch },
            Cases = [TestCases.Make("case-01", expect: TestCases.Assert("spied", "delivered"))],
            Target = new AnswerTarget("delivered yesterday"),
            Evaluators = new EvaluatorRegistry().Register(spy),
            Concurrency = 1,
        };
        await using var store = new InMemoryResultStore();

        await new EvalRunner().RunAsync(plan, store);

        var trials = await store.GetTrialsAsync("run-1");
        Assert.Equal(2, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialOutcome.Passed, t.Outcome));
        Assert.All(trials, t => Assert.Equal("spied", t.Assertions[0].Metric!.Name));
        // Both trials went through IEvaluator.EvaluateAsync, with the response as a ChatResponse and the full trial beside it.
        Assert.Equal(["delivered yesterday", "delivered yesterday"], spy.Responses);
        Assert.Equal([0, 1], spy.TrialIndexes.Order());
    }

    private sealed class AnswerTarget(string output) : AgentOps.Evals.Targets.ITarget
    {
        public Task<AgentOps.Evals.Targets.TargetResponse> RespondAsync(AgentOps.Evals.Targets.TrialRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new AgentOps.Evals.Targets.TargetResponse(output, Trajectory.Empty, new TokenUsage(10, 5, 0.001m), 12.5, "stop", "m"));
    }

    /// <summary>A custom assertion whose evaluator records what the runner handed it, then defers to the assertion's own check.</summary>
    private sealed class SpyingAssertionType : IAssertionType
    {
        public List<string> Responses { get; } = [];
        public List<int> TrialIndexes { get; } = [];

        public string Type => "spied";

        public BoundAssertion? Bind(AssertionSpec spec, ICollection<Problem> problems) => new Bound(this, spec.Location, spec.GetString("value") ?? "");

        private sealed class Bound(SpyingAssertionType owner, SourceLocation location, string value) : BoundAssertion("spied", location)
        {
            public override IEvaluator Evaluator => new Spy(owner, base.Evaluator);

            protected internal override ValueTask<AssertionResult> CheckAsync(AssertionContext context, CancellationToken cancellationToken) =>
                ValueTask.FromResult(new AssertionResult(Type, context.Response.Output.Contains(value, StringComparison.Ordinal), "checked"));
        }

        private sealed class Spy(SpyingAssertionType owner, IEvaluator inner) : IEvaluator
        {
            public IReadOnlyCollection<string> EvaluationMetricNames => inner.EvaluationMetricNames;

            public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null,
                IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
            {
                lock (owner)
                {
                    owner.Responses.Add(modelResponse.Text);
                    owner.TrialIndexes.Add(additionalContext!.OfType<TrialEvaluationContext>().Single().Trial.TrialIndex);
                }
                return inner.EvaluateAsync(messages, modelResponse, chatConfiguration, additionalContext, cancellationToken);
            }
        }
    }
}
