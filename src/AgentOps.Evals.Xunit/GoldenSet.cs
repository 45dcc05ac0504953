using System.Collections.Concurrent;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Evaluation.ModelGraded;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
using AgentOps.Evals.Targets;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Xunit;

/// <summary>The repository's golden set and config, loaded once per test run, with a way to run one case for a candidate.</summary>
public sealed class GoldenSet
{
    private static readonly ConcurrentDictionary<string, Lazy<GoldenSet>> s_cache = new();
    private readonly ConcurrentDictionary<(string, string?), CandidateSession> _sessions = new();
    // One judge per graded provider, built on first use: cases without model-graded assertions need no judge key.
    private readonly ConcurrentDictionary<string, Lazy<IChatClient?>> _judges = new();

    private GoldenSet(EvalConfig config, IReadOnlyList<GoldenCase> cases, EvaluatorRegistry evaluators)
    {
        Config = config;
        Cases = cases;
        Evaluators = evaluators;
    }

    public EvalConfig Config { get; }
    public IReadOnlyList<GoldenCase> Cases { get; }
    public EvaluatorRegistry Evaluators { get; }

    /// <summary>Loads <paramref name="configFile"/> (default: the nearest eval.config.yaml above the test assembly).
    /// Any problem in the config or a case fails loudly with every problem listed.</summary>
    public static GoldenSet Load(string? configFile = null)
    {
        var path = Path.GetFullPath(configFile ?? FindConfig());
        return s_cache.GetOrAdd(path, p => new Lazy<GoldenSet>(() => Create(p))).Value;
    }

    private static GoldenSet Create(string configPath)
    {
        var config = ConfigLoader.Load(configPath);
        var evaluators = EvaluatorRegistry.CreateDefault();
        var root = config.Resolve(config.GoldenSet ?? "golden-set");
        var result = GoldenSetLoader.Load(root, evaluators, config.Run);
        if (result.Problems.Count > 0) throw new InputException(result.Problems);
        return new GoldenSet(config, result.Cases, evaluators);
    }

    /// <summary>Walks up from the test assembly to the first folder holding eval.config.yaml.</summary>
    public static string FindConfig()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "eval.config.yaml");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("no eval.config.yaml in any folder above " + AppContext.BaseDirectory);
    }

    private IChatClient? Judge(string gradedProvider) =>
        _judges.GetOrAdd(gradedProvider, p => new Lazy<IChatClient?>(() => ChatClientFactory.CreateJudge(Config, gradedProvider: p))).Value;

    public GoldenCase Case(string id) => Cases.FirstOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"no golden case '{id}'");

    /// <summary>Runs k trials (default: the case's or config's k) of one case for a candidate, through the same runner
    /// and evaluators as <c>agentops-evals run</c>. <paramref name="provider"/> overrides the candidate's (e.g. "replay").</summary>
    public async Task<CaseRunResult> RunCaseAsync(string candidate, string caseId, string? provider = null, int? k = null, CancellationToken cancellationToken = default)
    {
        var goldenCase = Case(caseId);
        var session = _sessions.GetOrAdd((candidate, provider), key => CandidateSession.Open(Config, key.Item1, key.Item2));
        var trials = k ?? goldenCase.Consistency?.K ?? Config.Run.K;
        var plan = new RunPlan
        {
            Run = new RunInfo
            {
                RunId = $"test-{candidate}-{caseId}",
                Candidate = session.Identity,
                K = trials,
                GoldenSetRevision = "test",
                StartedAt = DateTimeOffset.UtcNow,
                Cases = [new RunCase(goldenCase.Id, goldenCase.Suite, goldenCase.Severity.ToString(), goldenCase.Tags, goldenCase.Location.File, trials, goldenCase.Title)],
            },
            Cases = [goldenCase with { Consistency = new ConsistencyOverride(trials, goldenCase.Consistency?.MinAgreement) }],
            Target = session.Target,
            Evaluators = Evaluators,
            Concurrency = trials,
            Judge = ModelGrading.NeedsJudge(goldenCase, Evaluators) ? Judge(session.Identity.Provider) : null,
        };
        await using var store = new InMemoryResultStore();
        await new EvalRunner().RunAsync(plan, store, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new CaseRunResult(goldenCase, session.Identity, await store.GetTrialsAsync(plan.Run.RunId, cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>The trials of one case for one candidate.</summary>
public sealed record CaseRunResult(GoldenCase Case, CandidateIdentity Candidate, IReadOnlyList<TrialResult> Trials);
