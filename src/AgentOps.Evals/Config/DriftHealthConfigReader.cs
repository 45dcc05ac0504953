using AgentOps.Evals.Cases;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Config;

/// <summary>Reads the <c>drift:</c> and <c>health:</c> sections, reporting every problem with file:line like the rest of the config.</summary>
internal static class DriftHealthConfigReader
{
    private static readonly string[] DriftFields =
        ["min-traffic-share", "max-case-share", "sample", "psi-previous", "psi-golden", "max-thumbs-down-rise", "max-queries", "join-similarity", "embeddings"];
    private static readonly string[] EmbeddingFields = ["provider", "model", "cassette", "join-similarity"];
    private static readonly string[] HealthFields = ["incidents", "incidents-file", "p0-target-hours", "flaky-runs"];

    public static DriftOptions Drift(YamlNode? node, YamlFieldReader reader, IReadOnlyDictionary<string, ProviderConfig> providers)
    {
        var drift = new DriftOptions();
        if (YamlFieldReader.IsNull(node) || reader.Mapping(node, "drift", "a mapping {min-traffic-share, max-case-share, sample, …}") is not { } map) return drift;
        var f = reader.Fields(map, "drift", DriftFields);
        double Share(string name, double fallback) => reader.Number(f.GetValueOrDefault(name), "drift." + name, 0, 1) ?? fallback;
        return drift with
        {
            MinTrafficShare = Share("min-traffic-share", drift.MinTrafficShare),
            MaxCaseShare = Share("max-case-share", drift.MaxCaseShare),
            Sample = (int?)reader.Integer(f.GetValueOrDefault("sample"), "drift.sample", 0, 100_000) ?? drift.Sample,
            PsiPrevious = reader.Number(f.GetValueOrDefault("psi-previous"), "drift.psi-previous", 0, minExclusive: true) ?? drift.PsiPrevious,
            PsiGolden = reader.Number(f.GetValueOrDefault("psi-golden"), "drift.psi-golden", 0, minExclusive: true) ?? drift.PsiGolden,
            MaxThumbsDownRise = Share("max-thumbs-down-rise", drift.MaxThumbsDownRise),
            MaxQueries = (int?)reader.Integer(f.GetValueOrDefault("max-queries"), "drift.max-queries", 100, 10_000_000) ?? drift.MaxQueries,
            JoinSimilarity = Share("join-similarity", drift.JoinSimilarity),
            Embeddings = Embeddings(f.GetValueOrDefault("embeddings"), reader, providers),
        };
    }

    private static EmbeddingsOptions? Embeddings(YamlNode? node, YamlFieldReader reader, IReadOnlyDictionary<string, ProviderConfig> providers)
    {
        if (YamlFieldReader.IsNull(node) || reader.Mapping(node, "drift.embeddings", "a mapping {provider, model, cassette}") is not { } map) return null;
        var f = reader.Fields(map, "drift.embeddings", EmbeddingFields);
        var provider = reader.Text(f.GetValueOrDefault("provider"), "drift.embeddings.provider", "a provider name");
        var model = reader.Text(f.GetValueOrDefault("model"), "drift.embeddings.model", "an embeddings model id");
        if (provider is null) reader.Missing(map, "drift.embeddings.provider", "a provider name");
        else if (!providers.ContainsKey(provider))
            reader.Report(f["provider"], "drift.embeddings.provider", $"found '{provider}', expected one of: {string.Join(", ", providers.Keys)}");
        if (model is null) reader.Missing(map, "drift.embeddings.model", "an embeddings model id");
        var defaults = new EmbeddingsOptions("", "");
        return provider is null || model is null ? null : new EmbeddingsOptions(provider, model,
            reader.Text(f.GetValueOrDefault("cassette"), "drift.embeddings.cassette", "a file path") ?? defaults.Cassette,
            reader.Number(f.GetValueOrDefault("join-similarity"), "drift.embeddings.join-similarity", 0, 1) ?? defaults.JoinSimilarity);
    }

    public static HealthOptions Health(YamlNode? node, YamlFieldReader reader)
    {
        var health = new HealthOptions();
        if (YamlFieldReader.IsNull(node) || reader.Mapping(node, "health", "a mapping {incidents, incidents-file, p0-target-hours, flaky-runs}") is not { } map) return health;
        var f = reader.Fields(map, "health", HealthFields);
        return health with
        {
            Incidents = f.TryGetValue("incidents", out var incidents) ? reader.TextList(incidents, "health.incidents", "incident ids") : health.Incidents,
            IncidentsFile = reader.Text(f.GetValueOrDefault("incidents-file"), "health.incidents-file", "a file path"),
            P0TargetHours = reader.Number(f.GetValueOrDefault("p0-target-hours"), "health.p0-target-hours", 0, minExclusive: true) ?? health.P0TargetHours,
            FlakyRuns = (int?)reader.Integer(f.GetValueOrDefault("flaky-runs"), "health.flaky-runs", 1, 10_000) ?? health.FlakyRuns,
        };
    }
}
