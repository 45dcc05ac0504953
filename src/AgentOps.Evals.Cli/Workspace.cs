using System.CommandLine;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Cli;

/// <summary>What a command works on: the config, the golden set and the store named by the global options.</summary>
internal sealed class Workspace
{
    private Workspace(EvalConfig config, string goldenSetRoot, string storePath, bool json)
    {
        Config = config;
        GoldenSetRoot = goldenSetRoot;
        StorePath = storePath;
        Json = json;
    }

    public EvalConfig Config { get; }
    public string GoldenSetRoot { get; }
    public string StorePath { get; }
    public bool Json { get; }
    public EvaluatorRegistry Evaluators => _evaluators ??= Evaluation.Meai.EvaluatorPlugins.CreateRegistry(Config);
    private EvaluatorRegistry? _evaluators;

    /// <summary>Loads the config (a missing default config falls back to built-in defaults; a missing named one is an error).</summary>
    public static Workspace Open(ParseResult parse)
    {
        var configPath = parse.GetValue(GlobalOptions.Config)!;
        var configGiven = parse.GetResult(GlobalOptions.Config) is { Implicit: false };
        EvalConfig config;
        if (File.Exists(configPath)) config = ConfigLoader.Load(configPath);
        else if (configGiven) throw new InputException(configPath, "--config", "file not found");
        else config = ConfigLoader.Default(Directory.GetCurrentDirectory());

        var goldenSet = parse.GetValue(GlobalOptions.GoldenSet) is { } given
            ? Path.GetFullPath(given)
            : config.Resolve(config.GoldenSet ?? "golden-set");
        return new Workspace(config, goldenSet, parse.GetValue(GlobalOptions.Store)!, parse.GetResult(GlobalOptions.Json) is not null && parse.GetValue(GlobalOptions.Json));
    }

    /// <summary>Every case, or exit 2 with every problem found in every file.</summary>
    public IReadOnlyList<GoldenCase> LoadCases() => _cases ??= ReadCases();

    // A gate reads the set for both runs, last-green and the judge rule: parse the files once per command.
    private IReadOnlyList<GoldenCase>? _cases;

    private IReadOnlyList<GoldenCase> ReadCases()
    {
        if (!Directory.Exists(GoldenSetRoot))
            throw new InputException(GoldenSetRoot, "--golden-set", "folder not found; expected a folder of case YAML files");
        var result = GoldenSetLoader.Load(GoldenSetRoot, Evaluators, Config.Run);
        if (result.Problems.Count > 0) throw new InputException(result.Problems);
        return result.Cases;
    }

    public Task<SqliteResultStore> OpenStoreAsync(CancellationToken cancellationToken) =>
        SqliteResultStore.OpenAsync(StorePath, cancellationToken);

    /// <summary>The store for commands that only read it (works on a read-only file or disk).</summary>
    public Task<SqliteResultStore> OpenStoreReadOnlyAsync(CancellationToken cancellationToken) =>
        SqliteResultStore.OpenReadOnlyAsync(StorePath, cancellationToken);
}
