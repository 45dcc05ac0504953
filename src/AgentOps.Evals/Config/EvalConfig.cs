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
    /// <summary>The golden-set folder (<c>golden-set</c>); null: <c>./golden-set</c>.</summary>
    public string? GoldenSet { get; init; }
    /// <summary>Providers by name: how a model is reached (openai, replay, fake…).</summary>
    public IReadOnlyDictionary<string, ProviderConfig> Providers { get; init; } = new Dictionary<string, ProviderConfig>();
    /// <summary>Candidates by name: a prompt, a model and a provider to compare.</summary>
    public IReadOnlyDictionary<string, CandidateConfig> Candidates { get; init; } = new Dictionary<string, CandidateConfig>();
    /// <summary>The candidate a gate compares with (and a run takes) when none is named.</summary>
    public string? Baseline { get; init; }
    /// <summary>The judge for model-graded assertions; null when the config has none.</summary>
    public JudgeConfig? Judge { get; init; }

    /// <summary>Embeddings for <c>similar</c>; null when the config has none.</summary>
    public EmbeddingsConfig? Embeddings { get; init; }

    /// <summary>USD per million tokens by model id.</summary>
    public IReadOnlyDictionary<string, ModelPrice> Pricing { get; init; } = new Dictionary<string, ModelPrice>();
    /// <summary>How runs execute (<c>run:</c>).</summary>
    public RunOptions Run { get; init; } = new();
    /// <summary>The gate's rules (<c>gate:</c>).</summary>
    public GateOptions Gate { get; init; } = new();
    /// <summary>Where harvest reads and writes (<c>harvest:</c>).</summary>
    public HarvestOptions Harvest { get; init; } = new();
    /// <summary>Shadow sampling and rules (<c>shadow:</c>).</summary>
    public ShadowOptions Shadow { get; init; } = new();
    /// <summary>Drift thresholds (<c>drift:</c>).</summary>
    public DriftOptions Drift { get; init; } = new();
    /// <summary>Health targets (<c>health:</c>).</summary>
    public HealthOptions Health { get; init; } = new();

    /// <summary>MEAI evaluators to load by assembly and type name, by the name cases use.</summary>
    public IReadOnlyDictionary<string, EvaluatorPluginConfig> Evaluators { get; init; } = new Dictionary<string, EvaluatorPluginConfig>();

    /// <summary>In-process targets to load by assembly and type name, by the name a candidate's <c>target:</c> uses.</summary>
    public IReadOnlyDictionary<string, TargetPluginConfig> Targets { get; init; } = new Dictionary<string, TargetPluginConfig>();

    /// <summary>Resolves a path written in the config against the config's folder.</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(BaseDirectory, path));
}
