using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Config;

/// <summary>Loads <c>eval.config.yaml</c> and reports every problem at once (file:line:col, field, found/expected).</summary>
internal static class ConfigLoader
{
    private const long MaxConfigBytes = 4 * 1024 * 1024;
    private const string DefaultCassettes = "fixtures/cassettes";

    private static readonly string[] TopFields = ["golden-set", "providers", "candidates", "baseline", "judge", "embeddings", "pricing", "run", "gate", "harvest", "shadow", "evaluators", "targets", "drift", "health", "matrix"];
    private static readonly string[] ProviderFields = ["type", "endpoint", "api-key-env", "cassettes", "rpm", "tpm", "max-concurrency", "headers", "deployment", "api-version"];
    private static readonly string[] ProviderTypes = ["openai", "azure-openai", "anthropic", "ollama", "replay", "http"];
    private static readonly string[] CandidateFields = ["prompt", "model", "provider", "target", "settings"];
    private static readonly string[] JudgeFields = ["model", "provider", "prompts", "min-agreement"];
    private static readonly string[] EmbeddingsFields = ["model", "provider"];
    private static readonly string[] EvaluatorFields = ["assembly", "type", "needs-judge"];
    private static readonly string[] TargetFields = ["assembly", "type"];
    private static readonly string[] PriceFields = ["input", "output"];
    private static readonly string[] RunFields = ["k", "concurrency", "timeout-s", "retries", "retry-budget-s", "max-tool-iterations", "max-case-file-bytes"];
    private static readonly string[] GateFields =
        ["min-pass-rate", "max-pass-rate-drop", "p0-regressions", "min-consistency", "max-cost-ratio", "max-p95-latency-ms", "max-infra-error-rate", "max-extra-trials", "baseline-history", "slices"];
    private static readonly string[] HarvestFields = ["feedback", "traces", "out", "mapping-store", "key-env", "limit", "thresholds"];
    private static readonly string[] InlineSecretFields = ["api-key", "apikey", "api_key", "key", "token", "secret", "password"];

    /// <summary>The config at <paramref name="path"/>; throws <see cref="InputException"/> with every problem found.</summary>
    public static EvalConfig Load(string path)
    {
        if (!File.Exists(path))
            throw new InputException(new Problem(new SourceLocation(path), "", "config file not found, expected an eval.config.yaml (or pass --config FILE)"));
        var problems = new List<Problem>();
        var root = YamlFileReader.Read(path, MaxConfigBytes, problems, "a config mapping with providers, candidates, run, gate, …", "the config size limit");
        if (root is null) throw new InputException(problems);
        var config = Parse(root, new YamlFieldReader(path, problems), Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
        if (problems.Count > 0)
            throw new InputException(problems.OrderBy(p => p.Location.Line).ThenBy(p => p.Location.Column).ToList());
        return config with { SourceFile = Path.GetFullPath(path) };
    }

    /// <summary>The config used when there is no file: offline replay from fixtures/cassettes, no candidates.</summary>
    public static EvalConfig Default(string baseDir) => new()
    {
        BaseDirectory = Path.GetFullPath(baseDir),
        Providers = new Dictionary<string, ProviderConfig> { ["replay"] = new("replay", "replay", Cassettes: DefaultCassettes) },
    };

    private static EvalConfig Parse(YamlNode root, YamlFieldReader reader, string baseDir)
    {
        var config = new EvalConfig { BaseDirectory = baseDir };
        if (reader.Mapping(root, "", "a config mapping with providers, candidates, run, gate, …") is not { } map) return config;
        var fields = reader.Fields(map, "", TopFields);

        var providers = Providers(fields.GetValueOrDefault("providers"), reader);
        var (candidates, candidateProviderNodes) = Candidates(fields.GetValueOrDefault("candidates"), reader);
        foreach (var (expanded, node) in CandidateMatrixReader.Read(fields.GetValueOrDefault("matrix"), reader))
        {
            if (!candidates.TryAdd(expanded.Name, expanded))
                reader.Report(node, "matrix", $"found a generated candidate '{expanded.Name}' that is already under candidates, expected matrix names to be new");
            else candidateProviderNodes[expanded.Name] = node;
        }
        foreach (var (name, candidate) in candidates)
            if (!providers.ContainsKey(candidate.Provider))
                reader.Report(candidateProviderNodes[name], $"candidates.{name}.provider", UnknownName("provider", candidate.Provider, providers.Keys));

        string? baseline = null;
        if (fields.TryGetValue("baseline", out var baselineNode) && !YamlFieldReader.IsNull(baselineNode))
        {
            baseline = reader.Text(baselineNode, "baseline", "a candidate name");
            if (baseline is not null && !candidates.ContainsKey(baseline))
                reader.Report(baselineNode, "baseline", UnknownName("candidate", baseline, candidates.Keys));
        }

        return config with
        {
            GoldenSet = reader.Text(fields.GetValueOrDefault("golden-set"), "golden-set", "a folder path"),
            Providers = providers,
            Candidates = candidates,
            Baseline = baseline,
            Judge = Judge(fields.GetValueOrDefault("judge"), reader, providers),
            Embeddings = Embeddings(fields.GetValueOrDefault("embeddings"), reader, providers),
            Pricing = Pricing(fields.GetValueOrDefault("pricing"), reader),
            Run = Run(fields.GetValueOrDefault("run"), reader),
            Gate = Gate(fields.GetValueOrDefault("gate"), reader),
            Harvest = Harvest(fields.GetValueOrDefault("harvest"), reader),
            Shadow = ShadowOptionsReader.Read(fields.GetValueOrDefault("shadow"), reader),
            Evaluators = Evaluators(fields.GetValueOrDefault("evaluators"), reader, baseDir),
            Drift = DriftHealthConfigReader.Drift(fields.GetValueOrDefault("drift"), reader, providers),
            Health = DriftHealthConfigReader.Health(fields.GetValueOrDefault("health"), reader),
            Targets = TargetPluginsIn(fields.GetValueOrDefault("targets"), reader, baseDir),
        };
    }

    private static string UnknownName(string kind, string name, IEnumerable<string> known)
    {
        var names = known.ToList();
        return $"found {kind} '{name}', which is not defined; " + (NameSuggestion.Closest(name, names) is { } close
            ? $"did you mean `{close}`?"
            : names.Count == 0 ? $"no {kind}s are defined" : $"expected one of: {string.Join(", ", names.Order(StringComparer.Ordinal))}");
    }

    private static IEnumerable<(string Name, YamlNode KeyNode, YamlNode Value)> Entries(YamlNode? node, string field, string expected, YamlFieldReader reader)
    {
        if (YamlFieldReader.IsNull(node) || reader.Mapping(node, field, expected) is not { } map) yield break;
        foreach (var (key, value) in map.Children)
            yield return (YamlJsonConverter.KeyText(key), key, value);
    }

    private static Dictionary<string, ProviderConfig> Providers(YamlNode? node, YamlFieldReader reader)
    {
        var providers = new Dictionary<string, ProviderConfig>(StringComparer.Ordinal);
        foreach (var (name, _, value) in Entries(node, "providers", "a mapping of provider names to {type, endpoint, api-key-env}", reader))
        {
            var path = $"providers.{name}";
            if (reader.Mapping(value, path, "a provider: {type, endpoint, api-key-env, cassettes}") is not { } map) continue;
            var f = reader.Fields(map, path, ProviderFields, key => InlineSecretFields.Contains(key, StringComparer.OrdinalIgnoreCase)
                ? $"found a secret written into the config (`{key}`), expected `api-key-env: NAME_OF_ENVIRONMENT_VARIABLE`; keys are read from the environment, never from config"
                : null);
            var type = f.TryGetValue("type", out var t) ? reader.OneOf(t, path + ".type", ProviderTypes) : MissingText(reader, map, path + ".type", "one of " + string.Join(", ", ProviderTypes));
            var endpoint = reader.Text(f.GetValueOrDefault("endpoint"), path + ".endpoint", "an http(s) URL");
            // ${NAME} placeholders are filled from the environment when the provider is used, so only literal URLs are checked here.
            if (endpoint is not null && !endpoint.Contains("${", StringComparison.Ordinal)
                && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                reader.Report(f["endpoint"], path + ".endpoint", $"found '{Targets.HttpTargetEndpoint.Redact(endpoint)}', expected an absolute http(s) URL");
            if (type is "openai" or "http" && !f.ContainsKey("endpoint"))
                reader.Missing(map, path + ".endpoint", $"the URL of the {type} endpoint, e.g. https://api.openai.com/v1");
            if (type is "azure-openai" && !f.ContainsKey("endpoint"))
                reader.Missing(map, path + ".endpoint", "the Azure OpenAI resource URL, e.g. https://my-resource.openai.azure.com");
            if (type is "anthropic" && !f.ContainsKey("api-key-env"))
                reader.Missing(map, path + ".api-key-env", "the name of the environment variable holding the Anthropic key, e.g. ANTHROPIC_API_KEY");
            var deployment = reader.Text(f.GetValueOrDefault("deployment"), path + ".deployment", "an Azure OpenAI deployment name");
            var apiVersion = reader.Text(f.GetValueOrDefault("api-version"), path + ".api-version", "an Azure OpenAI api-version, e.g. 2024-10-21");
            foreach (var azureOnly in new[] { "deployment", "api-version" })
                if (type is not null and not "azure-openai" && f.TryGetValue(azureOnly, out var stray))
                    reader.Report(stray, $"{path}.{azureOnly}", $"found `{azureOnly}` on a provider of type {type}, expected it only on type azure-openai");
            var keyEnv = reader.Text(f.GetValueOrDefault("api-key-env"), path + ".api-key-env", "the name of an environment variable");
            if (keyEnv is not null && !IsEnvironmentName(keyEnv))
                // The value may be the key itself pasted in the wrong place, so it is not echoed.
                reader.Report(f["api-key-env"], path + ".api-key-env", "found something that is not an environment variable name, expected a name like OPENAI_API_KEY (letters, digits, _)");
            var cassettes = reader.Text(f.GetValueOrDefault("cassettes"), path + ".cassettes", "a folder path");
            if (type is not null)
                providers[name] = new ProviderConfig(name, type, endpoint, keyEnv, cassettes ?? (type == "replay" ? DefaultCassettes : null))
                {
                    Limits = ProviderLimitsReader.Read(f, path, reader),
                    Headers = ProviderLimitsReader.Headers(f.GetValueOrDefault("headers"), path + ".headers", reader),
                    Deployment = deployment,
                    ApiVersion = apiVersion,
                };
        }
        return providers;
    }

    private static Dictionary<string, EvaluatorPluginConfig> Evaluators(YamlNode? node, YamlFieldReader reader, string baseDir)
    {
        var evaluators = new Dictionary<string, EvaluatorPluginConfig>(StringComparer.Ordinal);
        foreach (var (name, _, value) in Entries(node, "evaluators", "a mapping of evaluator names to {assembly, type, needs-judge}", reader))
        {
            var path = $"evaluators.{name}";
            if (reader.Mapping(value, path, "an MEAI evaluator: {assembly, type, needs-judge}") is not { } map) continue;
            var f = reader.Fields(map, path, EvaluatorFields);
            var assembly = f.TryGetValue("assembly", out var a) ? reader.Text(a, path + ".assembly", "the path of a .dll") : MissingText(reader, map, path + ".assembly", "the path of the .dll holding the evaluator");
            var type = f.TryGetValue("type", out var t) ? reader.Text(t, path + ".type", "a full type name") : MissingText(reader, map, path + ".type", "the evaluator's full type name, e.g. MyTeam.Evals.RelevanceEvaluator");
            var needsJudge = reader.OneOf(f.GetValueOrDefault("needs-judge"), path + ".needs-judge", ["true", "false"]) != "false";
            if (assembly is not null && type is not null)
                evaluators[name] = new EvaluatorPluginConfig(name, Path.GetFullPath(Path.Combine(baseDir, assembly)), type, needsJudge, reader.At(map));
        }
        return evaluators;
    }

    private static Dictionary<string, TargetPluginConfig> TargetPluginsIn(YamlNode? node, YamlFieldReader reader, string baseDir)
    {
        var targets = new Dictionary<string, TargetPluginConfig>(StringComparer.Ordinal);
        foreach (var (name, keyNode, value) in Entries(node, "targets", "a mapping of target names to {assembly, type}", reader))
        {
            var path = $"targets.{name}";
            if (name is "chat" or "http")
            {
                reader.Report(keyNode, path, $"'{name}' is a built-in target; name yours differently");
                continue;
            }
            if (reader.Mapping(value, path, "an in-process target: {assembly, type}") is not { } map) continue;
            var f = reader.Fields(map, path, TargetFields);
            var assembly = f.TryGetValue("assembly", out var a) ? reader.Text(a, path + ".assembly", "the path of a .dll") : MissingText(reader, map, path + ".assembly", "the path of the .dll holding the target factory");
            var type = f.TryGetValue("type", out var t) ? reader.Text(t, path + ".type", "a full type name") : MissingText(reader, map, path + ".type", "the full name of a type implementing AgentOps.Evals.Targets.ITargetFactory");
            if (assembly is not null && type is not null)
                targets[name] = new TargetPluginConfig(name, Path.GetFullPath(Path.Combine(baseDir, assembly)), type, reader.At(map));
        }
        return targets;
    }

    private static bool IsEnvironmentName(string text) =>
        text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static (Dictionary<string, CandidateConfig>, Dictionary<string, YamlNode>) Candidates(YamlNode? node, YamlFieldReader reader)
    {
        var candidates = new Dictionary<string, CandidateConfig>(StringComparer.Ordinal);
        var providerNodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (name, _, value) in Entries(node, "candidates", "a mapping of candidate names to {prompt, model, provider}", reader))
        {
            var path = $"candidates.{name}";
            if (reader.Mapping(value, path, "a candidate: {prompt, model, provider, target}") is not { } map) continue;
            var f = reader.Fields(map, path, CandidateFields);
            var prompt = reader.Text(f.GetValueOrDefault("prompt"), path + ".prompt", "the prompt template's path");
            var model = f.TryGetValue("model", out var m) ? reader.Text(m, path + ".model", "a model id") : MissingText(reader, map, path + ".model", "a model id, e.g. gpt-4.1-mini");
            var provider = f.TryGetValue("provider", out var p) ? reader.Text(p, path + ".provider", "a provider name") : MissingText(reader, map, path + ".provider", "the name of a provider under providers");
            var target = reader.Text(f.GetValueOrDefault("target"), path + ".target", "chat, http or the name of a registered target") ?? "chat";
            if (model is null || provider is null) continue;
            var settings = ModelSettingsReader.Read(f.GetValueOrDefault("settings"), path + ".settings", reader);
            candidates[name] = new CandidateConfig(name, prompt, model, provider, target) { Settings = settings };
            providerNodes[name] = p!;
        }
        return (candidates, providerNodes);
    }

    private static EmbeddingsConfig? Embeddings(YamlNode? node, YamlFieldReader reader, Dictionary<string, ProviderConfig> providers)
    {
        if (YamlFieldReader.IsNull(node) || reader.Mapping(node, "embeddings", "a mapping {model, provider}") is not { } map) return null;
        var f = reader.Fields(map, "embeddings", EmbeddingsFields);
        var model = f.TryGetValue("model", out var m) ? reader.Text(m, "embeddings.model", "an embedding model id") : MissingText(reader, map, "embeddings.model", "the embedding model id, e.g. text-embedding-3-small");
        var provider = f.TryGetValue("provider", out var p) ? reader.Text(p, "embeddings.provider", "a provider name") : MissingText(reader, map, "embeddings.provider", "the name of an openai provider under providers");
        ProviderConfig? found = null;
        if (provider is not null && !providers.TryGetValue(provider, out found))
            reader.Report(p!, "embeddings.provider", UnknownName("provider", provider, providers.Keys));
        else if (provider is not null && found!.Type != "openai")
            reader.Report(p!, "embeddings.provider", $"provider '{provider}' is of type {found.Type}; embeddings need an openai (OpenAI-compatible) provider");
        return model is null || provider is null ? null : new EmbeddingsConfig(model, provider);
    }

    private static JudgeConfig? Judge(YamlNode? node, YamlFieldReader reader, Dictionary<string, ProviderConfig> providers)
    {
        if (YamlFieldReader.IsNull(node) || reader.Mapping(node, "judge", "a mapping {model, provider}") is not { } map) return null;
        var f = reader.Fields(map, "judge", JudgeFields);
        var model = f.TryGetValue("model", out var m) ? reader.Text(m, "judge.model", "a model id") : MissingText(reader, map, "judge.model", "the judge's model id");
        var provider = f.TryGetValue("provider", out var p) ? reader.Text(p, "judge.provider", "a provider name") : MissingText(reader, map, "judge.provider", "the name of a provider under providers");
        if (provider is not null && !providers.ContainsKey(provider))
            reader.Report(p!, "judge.provider", UnknownName("provider", provider, providers.Keys));
        var prompts = reader.TextMap(f.GetValueOrDefault("prompts"), "judge.prompts", "a prompt file path");
        var minAgreement = reader.Number(f.GetValueOrDefault("min-agreement"), "judge.min-agreement", 0, 1);
        return model is null || provider is null ? null : new JudgeConfig(model, provider, prompts.Count > 0 ? prompts : null, minAgreement);
    }

    private static Dictionary<string, ModelPrice> Pricing(YamlNode? node, YamlFieldReader reader)
    {
        var pricing = new Dictionary<string, ModelPrice>(StringComparer.Ordinal);
        foreach (var (model, _, value) in Entries(node, "pricing", "a mapping of model ids to {input, output} USD per million tokens", reader))
        {
            var path = $"pricing.{model}";
            if (reader.Mapping(value, path, "{input, output} in USD per million tokens") is not { } map) continue;
            var f = reader.Fields(map, path, PriceFields);
            var input = f.TryGetValue("input", out var i) ? reader.Number(i, path + ".input", 0) : MissingNumber(reader, map, path + ".input");
            var output = f.TryGetValue("output", out var o) ? reader.Number(o, path + ".output", 0) : MissingNumber(reader, map, path + ".output");
            if (input is not null && output is not null) pricing[model] = new ModelPrice((decimal)input.Value, (decimal)output.Value);
        }
        return pricing;
    }

    private static RunOptions Run(YamlNode? node, YamlFieldReader reader)
    {
        var run = new RunOptions();
        if (YamlFieldReader.IsNull(node) || reader.Mapping(node, "run", "a mapping {k, concurrency, timeout-s, retries, max-tool-iterations}") is not { } map) return run;
        var f = reader.Fields(map, "run", RunFields);
        return run with
        {
            K = (int?)reader.Integer(f.GetValueOrDefault("k"), "run.k", 1, RunOptions.MaxK) ?? run.K,
            Concurrency = (int?)reader.Integer(f.GetValueOrDefault("concurrency"), "run.concurrency", 1, 4096) ?? run.Concurrency,
            TimeoutSeconds = reader.Number(f.GetValueOrDefault("timeout-s"), "run.timeout-s", 0, RunOptions.MaxTimeoutSeconds, minExclusive: true) ?? run.TimeoutSeconds,
            Retries = (int?)reader.Integer(f.GetValueOrDefault("retries"), "run.retries", 0, 100) ?? run.Retries,
            RetryBudgetSeconds = reader.Number(f.GetValueOrDefault("retry-budget-s"), "run.retry-budget-s", 0, 86_400) ?? run.RetryBudgetSeconds,
            MaxToolIterations = (int?)reader.Integer(f.GetValueOrDefault("max-tool-iterations"), "run.max-tool-iterations", 1, 1000) ?? run.MaxToolIterations,
            MaxCaseFileBytes = reader.Integer(f.GetValueOrDefault("max-case-file-bytes"), "run.max-case-file-bytes", 1) ?? run.MaxCaseFileBytes,
        };
    }

    private static GateOptions Gate(YamlNode? node, YamlFieldReader reader)
    {
        var gate = new GateOptions();
        if (YamlFieldReader.IsNull(node) || reader.Mapping(node, "gate", "a mapping of gate rules") is not { } map) return gate;
        var f = reader.Fields(map, "gate", GateFields);

        // A rule written as null (`min-pass-rate: ~`) is switched off; an absent rule keeps its default.
        double? Rate(string name, double? fallback) => Optional(f, name, fallback, n => reader.Number(n, "gate." + name, 0, 1));
        return gate with
        {
            MinPassRate = Rate("min-pass-rate", gate.MinPassRate),
            MaxPassRateDrop = Rate("max-pass-rate-drop", gate.MaxPassRateDrop),
            MinConsistency = Rate("min-consistency", gate.MinConsistency),
            P0Regressions = f.TryGetValue("p0-regressions", out var p0)
                ? YamlFieldReader.IsNull(p0) ? null : (int?)reader.Integer(p0, "gate.p0-regressions", 0, int.MaxValue) ?? gate.P0Regressions
                : gate.P0Regressions,
            MaxCostRatio = Optional(f, "max-cost-ratio", gate.MaxCostRatio, n => reader.Number(n, "gate.max-cost-ratio", 0, minExclusive: true)),
            MaxP95LatencyMs = Optional(f, "max-p95-latency-ms", gate.MaxP95LatencyMs, n => reader.Number(n, "gate.max-p95-latency-ms", 0, minExclusive: true)),
            MaxInfraErrorRate = reader.Number(f.GetValueOrDefault("max-infra-error-rate"), "gate.max-infra-error-rate", 0, 1) ?? gate.MaxInfraErrorRate,
            MaxExtraTrials = (int?)reader.Integer(f.GetValueOrDefault("max-extra-trials"), "gate.max-extra-trials", 0, int.MaxValue) ?? gate.MaxExtraTrials,
            BaselineHistory = (int?)reader.Integer(f.GetValueOrDefault("baseline-history"), "gate.baseline-history", 0, 100) ?? gate.BaselineHistory,
            Slices = f.TryGetValue("slices", out var slices) ? reader.TextList(slices, "gate.slices", "slice names (tags, suite:NAME, severity:P0)") : gate.Slices,
        };
    }

    private static double? Optional(Dictionary<string, YamlNode> fields, string name, double? fallback, Func<YamlNode, double?> read)
    {
        if (!fields.TryGetValue(name, out var node)) return fallback;
        if (YamlFieldReader.IsNull(node)) return null;
        return read(node) ?? fallback;
    }

    private static HarvestOptions Harvest(YamlNode? node, YamlFieldReader reader)
    {
        var harvest = new HarvestOptions();
        if (YamlFieldReader.IsNull(node) || reader.Mapping(node, "harvest", "a mapping {feedback, traces, out, …}") is not { } map) return harvest;
        var f = reader.Fields(map, "harvest", HarvestFields);
        var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, _, value) in Entries(f.GetValueOrDefault("thresholds"), "harvest.thresholds", "a mapping of threshold names to numbers", reader))
            if (reader.Number(value, $"harvest.thresholds.{name}", double.MinValue) is { } number) thresholds[name] = number;
        return harvest with
        {
            Feedback = f.TryGetValue("feedback", out var feedback) ? reader.TextOrList(feedback, "harvest.feedback", "a path or glob") : harvest.Feedback,
            Traces = f.TryGetValue("traces", out var traces) ? reader.TextOrList(traces, "harvest.traces", "a path or glob") : harvest.Traces,
            Out = reader.Text(f.GetValueOrDefault("out"), "harvest.out", "a folder path") ?? harvest.Out,
            MappingStore = reader.Text(f.GetValueOrDefault("mapping-store"), "harvest.mapping-store", "a file path") ?? harvest.MappingStore,
            KeyEnv = KeyEnv(f.GetValueOrDefault("key-env"), reader) ?? harvest.KeyEnv,
            Limit = (int?)reader.Integer(f.GetValueOrDefault("limit"), "harvest.limit", 1, 100_000) ?? harvest.Limit,
            Thresholds = thresholds.Count > 0 ? thresholds : harvest.Thresholds,
        };
    }

    private static string? KeyEnv(YamlNode? node, YamlFieldReader reader)
    {
        var name = reader.Text(node, "harvest.key-env", "the name of an environment variable");
        if (name is null || IsEnvironmentName(name)) return name;
        reader.Report(node!, "harvest.key-env", "found something that is not an environment variable name, expected a name like AGENTOPS_HMAC_KEY (letters, digits, _)");
        return null;
    }

    private static string? MissingText(YamlFieldReader reader, YamlNode parent, string field, string expected)
    {
        reader.Missing(parent, field, expected);
        return null;
    }

    private static double? MissingNumber(YamlFieldReader reader, YamlNode parent, string field)
    {
        reader.Missing(parent, field, "a number (USD per million tokens)");
        return null;
    }
}
