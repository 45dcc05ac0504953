using System.Diagnostics;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Judging;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Telemetry;
using AgentOps.Evals.Tests.Cases;
using AgentOps.Evals.Tests.ModelGraded;
using Microsoft.Extensions.AI;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AgentOps.Evals.Tests.Telemetry;

public sealed class TelemetryTests
{
    [Fact]
    public async Task A_run_exports_run_case_trial_and_gen_ai_spans_with_judge_spans_under_their_trial()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(EvalTelemetry.SourceName).AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(EvalTelemetry.SourceName).AddInMemoryExporter(metrics).Build();

        // The candidate's real pipeline (replay from the repo's cassettes), built while telemetry listens.
        var config = ConfigLoader.Load(Path.Combine(RepoPaths.Root, "eval.config.yaml"));
        var loaded = GoldenSetLoader.Load(config.Resolve("golden-set"), EvaluatorRegistry.CreateDefault(), config.Run);
        var goldenCase = loaded.Cases.First(c => c.Id == "orders-status-shipped-001");
        // Exactly one judged assertion, this test's own (the sample case may carry model-graded ones of its own).
        goldenCase = goldenCase with { Expect = [.. goldenCase.Expect.Where(e => e.Type != "llm-rubric"), JudgeTrial.Spec("llm-rubric", """{"rubric": "Gives the order status"}""")] };
        var session = CandidateSession.Open(config, "prod");
        var judge = new JudgeChatClient(new ChatClientBuilder(new TestSupport.ScriptedChatClient((_, _, _) => TestSupport.ScriptedChatClient.Text("""{"reasoning":"gives the status","score":5}"""))).UseOpenTelemetry(sourceName: EvalTelemetry.SourceName).Build(), "gpt-4.1", JudgePrompts.Default);
        var runId = "run-otel-" + Guid.NewGuid().ToString("N")[..8];
        var plan = new RunPlan
        {
            Run = new RunInfo { RunId = runId, Candidate = session.Identity with { Name = "otel-prod" }, K = 1, GoldenSetRevision = "rev", StartedAt = DateTimeOffset.UnixEpoch },
            Cases = [goldenCase],
            Target = session.Target,
            Evaluators = EvaluatorRegistry.CreateDefault(),
            Judge = judge,
        };
        await using var store = new InMemoryResultStore();
        await new EvalRunner().RunAsync(plan, store);
        tracing.ForceFlush();
        metering.ForceFlush();

        // Other tests run in parallel on the same source: keep this run's trace only.
        var run = Assert.Single(spans, s => s.DisplayName == "eval.run otel-prod" && (string?)s.GetTagItem("agentops.run.id") == runId);
        var trace = spans.Where(s => s.TraceId == run.TraceId).ToList();
        var caseSpan = Assert.Single(trace, s => s.DisplayName == "eval.case orders-status-shipped-001");
        var trial = Assert.Single(trace, s => s.DisplayName == "eval.trial");
        Assert.Equal(run.SpanId, caseSpan.ParentSpanId);
        Assert.Equal(caseSpan.SpanId, trial.ParentSpanId);
        Assert.Equal("Passed", trial.GetTagItem("agentops.outcome"));

        var modelCalls = trace.Where(s => (string?)s.GetTagItem("gen_ai.request.model") == "gpt-4.1-mini" && s.DisplayName.StartsWith("chat", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(modelCalls);
        Assert.All(modelCalls, call =>
        {
            Assert.Equal(trial.SpanId, call.ParentSpanId);
            Assert.True(Convert.ToInt64(call.GetTagItem("gen_ai.usage.input_tokens"), System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.True(Convert.ToInt64(call.GetTagItem("gen_ai.usage.output_tokens"), System.Globalization.CultureInfo.InvariantCulture) > 0);
        });

        var judgeSpan = Assert.Single(trace, s => s.DisplayName == "eval.judge llm-rubric");
        Assert.Equal(trial.SpanId, judgeSpan.ParentSpanId);
        Assert.Contains(judgeSpan.Links, l => l.Context.SpanId == trial.SpanId);
        Assert.Equal(true, judgeSpan.GetTagItem("agentops.judge.passed"));
        var judgeCall = Assert.Single(trace, s => (string?)s.GetTagItem("gen_ai.request.model") == "gpt-4.1");
        Assert.Equal(judgeSpan.SpanId, judgeCall.ParentSpanId);

        var trials = Assert.Single(metrics, m => m.Name == "agentops.evals.trials");
        long count = 0;
        foreach (ref readonly var point in trials.GetMetricPoints())
            foreach (var tag in point.Tags)
                if (tag.Key == "agentops.candidate" && (string?)tag.Value == "otel-prod") count += point.GetSumLong();
        Assert.Equal(1, count);
        Assert.Contains(metrics, m => m.Name == "agentops.evals.pass_rate");
        Assert.Contains(metrics, m => m.Name == "agentops.evals.tokens");
    }

    [Fact]
    public void Telemetry_is_off_without_an_endpoint()
    {
        if (Environment.GetEnvironmentVariable(TelemetrySetup.EndpointVariable) is { Length: > 0 }) return;
        Assert.Null(TelemetrySetup.Start(null));
    }

    [Fact]
    public void A_bad_endpoint_is_bad_input()
    {
        var error = Assert.Throws<Diagnostics.InputException>(() => TelemetrySetup.Start("localhost:4317"));
        Assert.Equal("--otlp", Assert.Single(error.Problems).Field);
    }
}
