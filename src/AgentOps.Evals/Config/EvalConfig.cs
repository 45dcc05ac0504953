namespace AgentOps.Evals.Config;

/// <summary>The whole <c>eval.config.yaml</c>: providers, candidates, judge, pricing, run, gate and harvest.</summary>
public sealed record EvalConfig
{
    /// <summary>Folder the config file sits in; relative paths in it resolve from here.</summary>
    public string BaseDirectory { get; init; } = ".";

    /// <summary>The config file this was loaded from (for error messages); <c>eval.config.yaml</c> in the base folder when built in code.</summary>
    public string SourceFile
    {
        get => _sourceFile ?? Resolve("eval.config.yaml");
        init => _sourceFile = value;
    }

    private readonly string? _sourceFile;
    public string? GoldenSet { get; init; }
    public IReadOnlyDictionary<string, ProviderConfig> Providers { get; init; } = new Dictionary<string, ProviderConfig>();
    public IReadOnlyDictionary<string, CandidateConfig> Candidates { get; init; } = new Dictionary<string, CandidateConfig>();
    public string? Baseline { get; init; }
    public JudgeConfig? Judge { get; init; }

    /// <summary>Embeddings for <c>similar</c>; null when the config has none.</summary>
    public EmbeddingsConfig? Embeddings { get; init; }

    public IReadOnlyDictionary<string, ModelPrice> Pricing { get; init; } = new Dictionary<string, ModelPrice>();
    public RunOptions Run { get; init; } = new();
    public GateOptions Gate { get; init; } = new();
    public HarvestOptions Harvest { get; init; } = new();
    public ShadowOptions Shadow { get; init; } = new();
    public DriftOptions Drift { get; init; } = new();
    public HealthOptions Health { get; init; } = new();

    /// <summary>MEAI evaluators to load by assembly and type name, by the name cases use.</summary>
    public IReadOnlyDictionary<string, EvaluatorPluginConfig> Evaluators { get; init; } = new Dictionary<string, EvaluatorPluginConfig>();

    /// <summary>In-process targets to load by assembly and type name, by the name a candidate's <c>target:</c> uses.</summary>
    public IReadOnlyDictionary<string, TargetPluginConfig> Targets { get; init; } = new Dictionary<string, TargetPluginConfig>();

    /// <summary>Resolves a path written in the config against the config's folder.</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(BaseDirectory, path));
}
