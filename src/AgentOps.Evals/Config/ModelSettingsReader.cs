using AgentOps.Evals.Cases;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Config;

/// <summary>Reads a <c>settings:</c> mapping (a candidate's, or one of a matrix) into <see cref="ModelSettings"/>, reporting each bad field.</summary>
internal static class ModelSettingsReader
{
    public static readonly string[] Fields =
        ["temperature", "top-p", "max-output-tokens", "seed", "stop", "reasoning-effort", "response-format", "tool-choice"];

    private static readonly string[] FormatFields = ["type", "name", "schema"];

    public static ModelSettings Read(YamlNode? node, string path, YamlFieldReader reader)
    {
        if (YamlFieldReader.IsNull(node) || reader.Mapping(node, path, "a mapping of model settings: " + string.Join(", ", Fields)) is not { } map)
            return ModelSettings.None;
        var f = reader.Fields(map, path, Fields);
        var (format, schema, name) = Format(f.GetValueOrDefault("response-format"), path + ".response-format", reader);
        var stop = f.ContainsKey("stop") ? reader.TextOrList(f["stop"], path + ".stop", "a stop sequence") : null;
        return new ModelSettings(
            reader.Number(f.GetValueOrDefault("temperature"), path + ".temperature", 0, 2),
            reader.Number(f.GetValueOrDefault("top-p"), path + ".top-p", 0, 1),
            (int?)reader.Integer(f.GetValueOrDefault("max-output-tokens"), path + ".max-output-tokens", 1, int.MaxValue),
            reader.Integer(f.GetValueOrDefault("seed"), path + ".seed", long.MinValue),
            stop,
            reader.OneOf(f.GetValueOrDefault("reasoning-effort"), path + ".reasoning-effort", ModelSettings.Efforts),
            format, schema, name,
            reader.Text(f.GetValueOrDefault("tool-choice"), path + ".tool-choice", "auto, none, required or the name of a tool"));
    }

    /// <summary><c>response-format: json_object</c>, or <c>{type: json_schema, name, schema}</c>.</summary>
    public static (string? Format, System.Text.Json.Nodes.JsonObject? Schema, string? Name) Format(YamlNode? node, string path, YamlFieldReader reader)
    {
        if (YamlFieldReader.IsNull(node)) return (null, null, null);
        if (node is YamlScalarNode)
        {
            var format = reader.OneOf(node, path, ModelSettings.Formats);
            if (format == "json_schema")
                reader.Report(node!, path, "found json_schema without a schema, expected {type: json_schema, name: NAME, schema: {...}}");
            return (format, null, null);
        }
        if (reader.Mapping(node, path, "text, json_object, or {type: json_schema, name, schema}") is not { } map) return (null, null, null);
        var f = reader.Fields(map, path, FormatFields);
        var type = f.TryGetValue("type", out var t) ? reader.OneOf(t, path + ".type", ModelSettings.Formats) : null;
        if (type is null && !f.ContainsKey("type")) reader.Missing(map, path + ".type", "text, json_object or json_schema");
        var name = reader.Text(f.GetValueOrDefault("name"), path + ".name", "the schema's name");
        var schema = YamlFieldReader.IsNull(f.GetValueOrDefault("schema")) ? null
            : reader.JsonObjectOf(f.GetValueOrDefault("schema"), path + ".schema", "a JSON schema object (a mapping)");
        if (type == "json_schema" && schema is null)
            reader.Missing(map, path + ".schema", "the JSON schema the response must follow");
        return (type, schema, name);
    }
}
