using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Reporting.Html;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.Cases;

namespace AgentOps.Evals.Tests.Html;

/// <summary>The sample gate: the repo's golden set run for prod and next on their recorded cassettes, then judged.</summary>
internal sealed record SampleGate(GateVerdict Verdict, RunInfo Baseline, IReadOnlyList<TrialResult> BaselineTrials, RunInfo Candidate, IReadOnlyList<TrialResult> CandidateTrials, IReadOnlyList<HistoryPoint> History)
{
    private static readonly Lazy<Task<SampleGate>> s_sample = new(BuildAsync);

    public static Task<SampleGate> Get() => s_sample.Value;

    public string Render()
    {
        var writer = new StringWriter();
        HtmlReport.Write(writer, Verdict, Baseline, BaselineTrials, Candidate, CandidateTrials, History);
        return writer.ToString();
    }

    public string RenderFile(string path)
    {
        HtmlReport.WriteFile(path, w => HtmlReport.Write(w, Verdict, Baseline, BaselineTrials, Candidate, CandidateTrials, History));
        return path;
    }

    private static async Task<SampleGate> BuildAsync()
    {
        var config = ConfigLoader.Load(Path.Combine(RepoPaths.Root, "eval.config.yaml"));
        var evaluators = EvaluatorRegistry.CreateDefault();
        var loaded = GoldenSetLoader.Load(config.Resolve(config.GoldenSet ?? "golden-set"), evaluators, config.Run);
        Assert.Empty(loaded.Problems);
        var cases = loaded.Cases.Where(c => c.Status == CaseStatus.Active).ToList();
        await using var store = new InMemoryResultStore();
        var prod = await RunAsync(config, cases, evaluators, store, "prod", "run-sample-prod");
        var next = await RunAsync(config, cases, evaluators, store, "next", "run-sample-next");
        var verdict = GateEvaluator.Evaluate(new GateInput(prod.Run, prod.Trials, next.Run, next.Trials, config.Gate));
        var history = await HistoryPoint.LoadAsync(store, "next");
        return new SampleGate(verdict, prod.Run, prod.Trials, next.Run, next.Trials, history);
    }

    private static async Task<(RunInfo Run, IReadOnlyList<TrialResult> Trials)> RunAsync(EvalConfig config, IReadOnlyList<GoldenCase> cases, EvaluatorRegistry evaluators, IResultStore store, string candidate, string runId)
    {
        var session = CandidateSession.Open(config, candidate);
        var run = new RunInfo
        {
            RunId = runId,
            Candidate = session.Identity,
            K = config.Run.K,
            GoldenSetRevision = GoldenSetRevision.Compute(cases),
            StartedAt = DateTimeOffset.Parse("2026-07-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            Cases = [.. cases.Select(c => new RunCase(c.Id, c.Suite, c.Severity.ToString(), c.Tags, $"golden-set/{c.Suite}/{c.Id}.yaml", c.Consistency?.K ?? config.Run.K, c.Title))],
        };
        await new EvalRunner().RunAsync(new RunPlan { Run = run, Cases = cases, Target = session.Target, Evaluators = evaluators, Concurrency = 4 }, store);
        return ((await store.GetRunAsync(runId))!, await store.GetTrialsAsync(runId));
    }
}
