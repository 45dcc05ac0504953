using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Importing;

/// <summary>Writes an import's providers, candidates, judge, embeddings and run settings as eval.config.yaml. Every value is a
/// quoted YAML scalar, so a value from the promptfoo config (an apiBaseUrl with a comma or a brace) can never add a field.</summary>
internal static class CandidatesYaml
{
    /// <summary>The YAML; <paramref name="goldenSet"/> (relative to the config) adds golden-set and baseline, for a complete config.</summary>
    public static string Write(PromptfooImport imported, string? goldenSet)
    {
        var root = new YamlMappingNode();
        if (goldenSet is not null) root.Add("golden-set", Quoted(goldenSet));
        var providers = new YamlMappingNode();
        foreach (var c in imported.Candidates.DistinctBy(c => c.ProviderName))
            providers.Add(c.ProviderName, Provider(c.ProviderType, c.Endpoint, c.ApiKeyEnv, c.Deployment, c.ApiVersion));
        foreach (var model in new[] { imported.Judge, imported.Embeddings }.OfType<ImportedModel>())
            if (!providers.Children.ContainsKey(new YamlScalarNode(model.ProviderName)))
                providers.Add(model.ProviderName, Provider(model.ProviderType, model.Endpoint, model.ApiKeyEnv, model.Deployment, model.ApiVersion));
        root.Add("providers", providers);

        var candidates = new YamlMappingNode();
        foreach (var c in imported.Candidates)
        {
            var node = Flow();
            node.Add("model", Quoted(c.Model));
            node.Add("provider", Quoted(c.ProviderName));
            if (c.PromptFile is not null) node.Add("prompt", Quoted(c.PromptFile));
            if (c.Target != "chat") node.Add("target", Quoted(c.Target));
            candidates.Add(c.Name, node);
        }
        root.Add("candidates", candidates);
        if (goldenSet is not null && imported.Candidates.Count > 0) root.Add("baseline", Quoted(imported.Candidates[0].Name));
        if (imported.Judge is { } judge) root.Add("judge", Model(judge));
        if (imported.Embeddings is { } embeddings) root.Add("embeddings", Model(embeddings));
        if (imported.K is not null || imported.Concurrency is not null)
        {
            var run = Flow();
            if (imported.K is { } k) run.Add("k", new YamlScalarNode(k.ToString(CultureInfo.InvariantCulture)));
            if (imported.Concurrency is { } n) run.Add("concurrency", new YamlScalarNode(n.ToString(CultureInfo.InvariantCulture)));
            root.Add("run", run);
        }
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlMappingNode Provider(string type, string? endpoint, string? keyEnv, string? deployment = null, string? apiVersion = null)
    {
        var node = Flow();
        node.Add("type", Quoted(type));
        // anthropic and ollama have default endpoints; the others always name one.
        if (endpoint is not null) node.Add("endpoint", Quoted(endpoint));
        if (keyEnv is not null) node.Add("api-key-env", Quoted(keyEnv));
        if (deployment is not null) node.Add("deployment", Quoted(deployment));
        if (apiVersion is not null) node.Add("api-version", Quoted(apiVersion));
        return node;
    }

    private static YamlMappingNode Model(ImportedModel model)
    {
        var node = Flow();
        node.Add("model", Quoted(model.Model));
        node.Add("provider", Quoted(model.ProviderName));
        return node;
    }

    private static YamlMappingNode Flow() => new() { Style = YamlDotNet.Core.Events.MappingStyle.Flow };

    private static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };
}
