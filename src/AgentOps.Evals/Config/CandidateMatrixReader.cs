using AgentOps.Evals.Cases;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Config;

/// <summary>Expands <c>matrix: {provider, prompts, models, settings}</c> into one candidate per prompt × model × settings,
/// named <c>PROMPT.MODEL</c> (or <c>PROMPT.MODEL.SETTINGS</c> when settings are named).</summary>
internal static class CandidateMatrixReader
{
    private static readonly string[] Fields = ["provider", "prompts", "models", "settings", "target"];
    private const string Expected = "a candidate matrix: {provider, prompts: {NAME: PATH}, models: [MODEL, …], settings: {NAME: {…}}}";

    public static List<(CandidateConfig Candidate, YamlNode Node)> Read(YamlNode? node, YamlFieldReader reader)
    {
        var expanded = new List<(CandidateConfig, YamlNode)>();
        if (YamlFieldReader.IsNull(node) || reader.Mapping(node, "matrix", Expected) is not { } map) return expanded;
        var f = reader.Fields(map, "matrix", Fields);
        var provider = f.TryGetValue("provider", out var p) ? reader.Text(p, "matrix.provider", "a provider name") : Missing(reader, map, "matrix.provider", "the name of a provider under providers");
        var target = reader.Text(f.GetValueOrDefault("target"), "matrix.target", "chat, http or the name of a registered target") ?? "chat";
        var prompts = Prompts(f.GetValueOrDefault("prompts"), reader);
        var models = f.TryGetValue("models", out var m) ? reader.TextOrList(m, "matrix.models", "a model id") : [];
        if (models.Count == 0) reader.Missing(map, "matrix.models", "a list of model ids, e.g. [gpt-4.1-mini, gpt-5-mini]");
        var settings = new List<(string? Name, ModelSettings Settings)>();
        if (f.TryGetValue("settings", out var s) && reader.Mapping(s, "matrix.settings", "a mapping of settings names to {temperature, seed, …}") is { } settingsMap)
            foreach (var (key, value) in settingsMap.Children)
            {
                var name = YamlJsonConverter.KeyText(key);
                settings.Add((name, ModelSettingsReader.Read(value, $"matrix.settings.{name}", reader)));
            }
        if (settings.Count == 0) settings.Add((null, ModelSettings.None));
        if (provider is null) return expanded;

        foreach (var (promptName, promptPath) in prompts)
            foreach (var model in models)
                foreach (var (settingsName, modelSettings) in settings)
                {
                    var name = string.Join('.', new[] { promptName, model, settingsName }.Where(x => x is not null));
                    expanded.Add((new CandidateConfig(name, promptPath, model, provider, target) { Settings = modelSettings }, p!));
                }
        return expanded;
    }

    /// <summary><c>prompts: {v3: path}</c>, or a list of paths named by file name (<c>support.v3</c>); none means no system prompt.</summary>
    private static List<(string? Name, string? Path)> Prompts(YamlNode? node, YamlFieldReader reader)
    {
        var prompts = new List<(string?, string?)>();
        if (node is YamlMappingNode map)
            foreach (var (key, value) in map.Children)
            {
                var name = YamlJsonConverter.KeyText(key);
                if (reader.Text(value, $"matrix.prompts.{name}", "a prompt template's path") is { } path) prompts.Add((name, path));
            }
        else if (!YamlFieldReader.IsNull(node))
            foreach (var path in reader.TextOrList(node, "matrix.prompts", "a prompt template's path"))
                prompts.Add((Path.GetFileNameWithoutExtension(path), path));
        if (prompts.Count == 0) prompts.Add((null, null));
        return prompts;
    }

    private static string? Missing(YamlFieldReader reader, YamlNode parent, string field, string expected)
    {
        reader.Missing(parent, field, expected);
        return null;
    }
}
