using System.Collections.Concurrent;
using AgentOps.Evals.Application;
using AgentOps.Evals.Cases;

namespace AgentOps.Evals.Testing;

/// <summary>What every test-framework adapter shares: the repository's workspace, loaded once per config per test run, the
/// case ids a data source lists, and one case run through <see cref="EvalWorkspace.RunCaseAsync"/> (the CLI's path).</summary>
public sealed class GoldenSuite
{
    private static readonly ConcurrentDictionary<string, Lazy<GoldenSuite>> s_cache = new();

    private GoldenSuite(EvalWorkspace workspace) => Workspace = workspace;

    /// <summary>The library entry point the adapters call; register targets or evaluators on it from code.</summary>
    public EvalWorkspace Workspace { get; }

    /// <summary>Loads <paramref name="configFile"/> (default: the nearest eval.config.yaml above the test assembly) once.
    /// Any problem in the config or a case fails loudly with every problem listed.</summary>
    public static GoldenSuite Load(string? configFile = null)
    {
        var path = Path.GetFullPath(configFile ?? FindConfig());
        return s_cache.GetOrAdd(path, p => new Lazy<GoldenSuite>(() => Create(p))).Value;
    }

    private static GoldenSuite Create(string configPath)
    {
        var workspace = EvalWorkspace.Open(new WorkspacePaths(configPath, ConfigRequired: true));
        _ = workspace.LoadCases(); // fail here, with every problem, rather than in the first test
        return new GoldenSuite(workspace);
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

    /// <summary>The ids of the cases a run takes (active ones), only <paramref name="suite"/> and <paramref name="tag"/> when given (globs).</summary>
    public IReadOnlyList<string> CaseIds(string? suite = null, string? tag = null)
    {
        var terms = new List<string>();
        if (suite is not null) terms.Add("suite:" + suite);
        if (tag is not null) terms.Add("tag:" + tag);
        return [.. Workspace.SelectCases(terms.Count == 0 ? null : string.Join("+", terms)).Select(c => c.Id)];
    }

    /// <summary>One case by id.</summary>
    public GoldenCase Case(string id) =>
        Workspace.LoadCases().FirstOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"no golden case '{id}'");

    /// <summary>Runs one case for a candidate (k trials: the case's consistency.k, else run.k), storing nothing.
    /// <paramref name="candidate"/> defaults to the config's baseline; <paramref name="provider"/> overrides the candidate's.</summary>
    public async Task<GoldenCaseRun> RunCaseAsync(string caseId, string? candidate = null, string? provider = null, CancellationToken cancellationToken = default)
    {
        var goldenCase = Case(caseId);
        var result = await Workspace.RunCaseAsync(candidate ?? Workspace.DefaultCandidate(), caseId, provider, cancellationToken).ConfigureAwait(false);
        return new GoldenCaseRun(goldenCase, result.Run.Candidate, result.Trials);
    }
}
