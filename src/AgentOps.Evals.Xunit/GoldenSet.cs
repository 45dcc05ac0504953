using System.Collections.Concurrent;
using AgentOps.Evals.Application;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;

namespace AgentOps.Evals.Xunit;

/// <summary>The repository's workspace (config and golden set), loaded once per test run, with a way to run one case for a candidate.</summary>
public sealed class GoldenSet
{
    private static readonly ConcurrentDictionary<string, Lazy<GoldenSet>> s_cache = new();

    private GoldenSet(EvalWorkspace workspace) => Workspace = workspace;

    /// <summary>The library's entry point this adapter calls: the same runs as <c>agentops-evals run</c>.</summary>
    public EvalWorkspace Workspace { get; }
    public EvalConfig Config => Workspace.Config;
    public IReadOnlyList<GoldenCase> Cases => Workspace.LoadCases();

    /// <summary>Loads <paramref name="configFile"/> (default: the nearest eval.config.yaml above the test assembly).
    /// Any problem in the config or a case fails loudly with every problem listed.</summary>
    public static GoldenSet Load(string? configFile = null)
    {
        var path = Path.GetFullPath(configFile ?? FindConfig());
        return s_cache.GetOrAdd(path, p => new Lazy<GoldenSet>(() => Create(p))).Value;
    }

    private static GoldenSet Create(string configPath)
    {
        var workspace = EvalWorkspace.Open(new WorkspacePaths(configPath, ConfigRequired: true));
        _ = workspace.LoadCases(); // fail here, with every problem, rather than in the first test
        return new GoldenSet(workspace);
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

    public GoldenCase Case(string id) => Cases.FirstOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"no golden case '{id}'");

    /// <summary>Runs one case for a candidate (k trials: the case's consistency.k, else run.k) through <see cref="EvalWorkspace.RunCaseAsync"/>,
    /// the same path as <c>agentops-evals run</c>. <paramref name="provider"/> overrides the candidate's (e.g. "replay").</summary>
    public async Task<CaseRunResult> RunCaseAsync(string candidate, string caseId, string? provider = null, CancellationToken cancellationToken = default)
    {
        var goldenCase = Case(caseId);
        var result = await Workspace.RunCaseAsync(candidate, caseId, provider, cancellationToken).ConfigureAwait(false);
        return new CaseRunResult(goldenCase, result.Run.Candidate, result.Trials);
    }
}

/// <summary>The trials of one case for one candidate.</summary>
public sealed record CaseRunResult(GoldenCase Case, Running.CandidateIdentity Candidate, IReadOnlyList<Running.TrialResult> Trials);
