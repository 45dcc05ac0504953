using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Reporting.Html;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Application;

/// <summary>The entry point for every workflow (run, gate, report, merge, calibrate): a config, its golden set and a results store, loaded once.</summary>
/// <remarks>The CLI and the xunit adapter call these methods and only translate: the same runs give the same verdict through either.</remarks>
public sealed class EvalWorkspace
{
    // A gate reads the set for both runs, last-green and the judge rule: the files are parsed once per workspace.
    private readonly Lazy<IReadOnlyList<GoldenCase>> _cases;

    private EvalWorkspace(EvalConfig config, string goldenSetRoot, string storePath)
    {
        Config = config;
        GoldenSetRoot = goldenSetRoot;
        StorePath = storePath;
        _cases = new Lazy<IReadOnlyList<GoldenCase>>(ReadCases);
    }

    /// <summary>The loaded config (built-in defaults when there is no config file and none was named).</summary>
    public EvalConfig Config { get; }
    /// <summary>The golden-set folder, absolute.</summary>
    public string GoldenSetRoot { get; }
    /// <summary>The results store (SQLite file) runs are written to and read from.</summary>
    public string StorePath { get; }
    /// <summary>The built-in assertion types plus the MEAI evaluators the config registers, built on first use.</summary>
    public EvaluatorRegistry Evaluators => _evaluators ??= Evaluation.Meai.EvaluatorPlugins.CreateRegistry(Config);
    private EvaluatorRegistry? _evaluators;

    /// <summary>In-process targets registered from code (e.g. an Agent Framework agent's factory), by the name a candidate's
    /// <c>target:</c> uses; targets named in config under <c>targets:</c> are loaded when a candidate runs on them.</summary>
    public Targets.TargetRegistry Targets { get; } = new();

    /// <summary>Loads the config (a missing config falls back to built-in defaults unless <see cref="WorkspacePaths.ConfigRequired"/>).
    /// Cases are read on first use.</summary>
    public static EvalWorkspace Open(WorkspacePaths paths)
    {
        EvalConfig config;
        if (File.Exists(paths.ConfigFile)) config = ConfigLoader.Load(paths.ConfigFile);
        else if (paths.ConfigRequired) throw new InputException(paths.ConfigFile, "--config", "file not found");
        else config = ConfigLoader.Default(Directory.GetCurrentDirectory());
        var goldenSet = paths.GoldenSet is { } given ? Path.GetFullPath(given) : config.Resolve(config.GoldenSet ?? "golden-set");
        return new EvalWorkspace(config, goldenSet, paths.StorePath);
    }

    /// <summary>Loads the config and every case; throws <see cref="InputException"/> with every problem found, or returns the counts.</summary>
    public static ValidationSummary Validate(WorkspacePaths paths) => WorkspaceValidation.Validate(paths);

    /// <summary>Every case, or an <see cref="InputException"/> with every problem found in every file.</summary>
    public IReadOnlyList<GoldenCase> LoadCases() => _cases.Value;

    /// <summary>The cases a run takes: active ones (unless the filter names a status), matching the filter, in the shard.</summary>
    public IReadOnlyList<GoldenCase> SelectCases(string? filter, string? shard = null) => CaseSelection.Select(LoadCases(), filter, shard);

    /// <summary>The candidate a run takes when none is named: the config's baseline, else its only candidate.</summary>
    public string DefaultCandidate() => Config.Baseline ?? (Config.Candidates.Count == 1
        ? Config.Candidates.Keys.First()
        : throw new InputException(Config.SourceFile, "--candidate",
            Config.Candidates.Count == 0 ? "no candidates in the config; add one under candidates:" : $"several candidates and no baseline; pass --candidate ({string.Join(", ", Config.Candidates.Keys.Order())})"));

    /// <summary>The results store for reading and writing, created (and migrated) as needed.</summary>
    public Task<SqliteResultStore> OpenStoreAsync(CancellationToken cancellationToken = default) => SqliteResultStore.OpenAsync(StorePath, cancellationToken);

    /// <summary>The store for reading only (<c>report</c>, <c>gate --from</c>): works on a read-only file or disk.</summary>
    public Task<SqliteResultStore> OpenStoreReadOnlyAsync(CancellationToken cancellationToken = default) => SqliteResultStore.OpenReadOnlyAsync(StorePath, cancellationToken);

    /// <summary>The request that finishes a stored run: its candidate, k, filter and shard.</summary>
    public async Task<RunRequest> ResumeRequestAsync(string runId, CancellationToken cancellationToken = default)
    {
        var run = await GetRunAsync(runId, "--resume", cancellationToken).ConfigureAwait(false);
        return new RunRequest(run.Candidate.Name, run.K, run.Filter, run.Shard, Resume: run);
    }

    /// <summary>The run <paramref name="arguments"/> ask for, with the config's defaults filled in (or a stored run's, to resume it).</summary>
    public async Task<RunRequest> PrepareRunAsync(RunArguments arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var request = arguments.Resume is { } resumeId
            ? await ResumeRequestAsync(resumeId, cancellationToken).ConfigureAwait(false)
            : new RunRequest(arguments.Candidate ?? DefaultCandidate(), arguments.K ?? Config.Run.K, arguments.Filter, arguments.Shard);
        if (arguments.RetryInfraErrors && request.Resume is null)
            throw new InputException("--retry-infra", "--retry-infra", "only means something with --resume RUN (a new run has no stored trials to retry)");
        return request with { Provider = arguments.Provider, Record = arguments.Record, Concurrency = arguments.Concurrency, RetryInfraErrors = arguments.RetryInfraErrors };
    }

    /// <summary>Runs a candidate over the selected cases, storing every trial as it finishes.</summary>
    /// <param name="request">What to run (see <see cref="PrepareRunAsync"/> to build one from command-line options).</param>
    /// <param name="observer">Shows progress and saved cassettes; null shows nothing.</param>
    /// <param name="fullTrials">False returns trials without outputs and trajectories (enough for a table; memory stays flat).</param>
    /// <param name="cancellationToken">Stops the run; trials stored so far are kept and the run is marked interrupted.</param>
    public async Task<RunResult> RunAsync(RunRequest request, IRunObserver? observer = null, bool fullTrials = true, CancellationToken cancellationToken = default)
    {
        await using var store = await OpenStoreAsync(cancellationToken).ConfigureAwait(false);
        return await RunExecution.ExecuteAsync(this, store, request, observer ?? SilentRunObserver.Instance, cancellationToken, fullTrials).ConfigureAwait(false);
    }

    /// <summary>Runs one case for a candidate (k from the case or the config, as <see cref="RunAsync"/> does) in memory, storing nothing.</summary>
    public async Task<RunResult> RunCaseAsync(string candidate, string caseId, string? provider = null, CancellationToken cancellationToken = default)
    {
        await using var store = new InMemoryResultStore();
        var request = new RunRequest(candidate, Config.Run.K, "id:" + caseId, Provider: provider);
        return await RunExecution.ExecuteAsync(this, store, request, SilentRunObserver.Instance, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Compares a candidate with the baseline case by case (running, reusing or finding the last green run of each side) and decides.</summary>
    public Task<GateResult> GateAsync(GateRequest request, IRunObserver? observer = null, CancellationToken cancellationToken = default) =>
        GateWorkflow.GateAsync(this, request, observer ?? SilentRunObserver.Instance, cancellationToken);

    /// <summary>Both sides answer every sampled input k times; compares cost, latency, refusals, tool calls, output divergence and the judge's
    /// position-swapped preference, and decides per slice (PASS/FAIL/INCONCLUSIVE).</summary>
    public Task<Shadowing.ShadowReport> ShadowAsync(ShadowRequest request, IRunObserver? observer = null, CancellationToken cancellationToken = default) =>
        ShadowWorkflow.RunAsync(this, request, observer ?? SilentRunObserver.Instance, cancellationToken);

    /// <summary>The shadow set in <paramref name="folder"/> (default: <c>shadow.set</c>), or an <see cref="InputException"/> saying how to sample one.</summary>
    public IReadOnlyList<Shadowing.ShadowInput> LoadShadowSet(string? folder = null) => ShadowSet.Load(this, folder ?? Config.Resolve(Config.Shadow.Set));

    /// <summary>A stored run with its trials (and, when asked, its candidate's history): what a run report is built from.</summary>
    public async Task<RunReport> ReportAsync(string runId, bool withHistory = false, CancellationToken cancellationToken = default)
    {
        await using var store = await OpenStoreReadOnlyAsync(cancellationToken).ConfigureAwait(false);
        var run = await GetRunAsync(store, runId, "RUN", cancellationToken).ConfigureAwait(false);
        var trials = await store.GetTrialsAsync(runId, cancellationToken).ConfigureAwait(false);
        var history = withHistory ? await HistoryPoint.LoadAsync(store, run.Candidate.Name, cancellationToken: cancellationToken).ConfigureAwait(false) : [];
        return new RunReport(run, trials, history);
    }

    /// <summary>Stored runs, newest first.</summary>
    public async Task<IReadOnlyList<RunInfo>> ListRunsAsync(CancellationToken cancellationToken = default)
    {
        await using var store = await OpenStoreReadOnlyAsync(cancellationToken).ConfigureAwait(false);
        return await store.ListRunsAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Joins shard runs of one candidate into one new run in this workspace's store. <paramref name="fromStores"/> are
    /// shard store files (one per CI job) read only; with no <paramref name="runIds"/>, every run in them is merged.
    /// Overlapping shards (the same case and trial twice) are refused.</summary>
    public Task<MergeResult> MergeAsync(IReadOnlyList<string> runIds, IReadOnlyList<string>? fromStores = null, CancellationToken cancellationToken = default) =>
        ShardMerge.MergeAsync(this, runIds, fromStores ?? [], cancellationToken);

    /// <summary>Grades the labelled cases with the judge on a stored run's outputs (default: the baseline's latest completed run).</summary>
    public Task<CalibrationReport> CalibrateAsync(string? runId = null, CancellationToken cancellationToken = default) =>
        JudgeCalibration.CalibrateAsync(this, runId, cancellationToken);

    /// <summary>Imports a promptfooconfig.yaml: cases into GOLDEN-SET/SUITE/, candidates as config YAML (written to <paramref name="configFile"/> when given).</summary>
    public ImportResult ImportPromptfoo(string source, string suite, string? configFile = null, bool force = false) => PromptfooImportJob.Import(this, source, suite, configFile, force);

    private async Task<RunInfo> GetRunAsync(string runId, string field, CancellationToken cancellationToken)
    {
        await using var store = await OpenStoreAsync(cancellationToken).ConfigureAwait(false);
        return await GetRunAsync(store, runId, field, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RunInfo> GetRunAsync(IResultStore store, string runId, string field, CancellationToken cancellationToken) =>
        await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InputException(StorePath, field, $"no run '{runId}' in the store; list runs with: agentops-evals report --list");

    private IReadOnlyList<GoldenCase> ReadCases()
    {
        if (!Directory.Exists(GoldenSetRoot))
            throw new InputException(GoldenSetRoot, "--golden-set", "folder not found; expected a folder of case YAML files");
        var result = GoldenSetLoader.Load(GoldenSetRoot, Evaluators, Config.Run);
        if (result.Problems.Count > 0) throw new InputException(result.Problems);
        return result.Cases;
    }
}
