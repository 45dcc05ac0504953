using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Cases;

/// <summary>Turns YAML nodes into System.Text.Json nodes: plain scalars by the core schema, quoted ones stay strings.</summary>
internal static class YamlJsonConverter
{
    private const string StrTag = "tag:yaml.org,2002:str";

    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlMappingNode mapping => ToJsonObject(mapping),
        _ => null,
    };

    public static JsonObject ToJsonObject(YamlMappingNode mapping)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in mapping.Children)
            obj[KeyText(key)] = ToJson(value);
        return obj;
    }

    public static string KeyText(YamlNode key) => key is YamlScalarNode s ? s.Value ?? "" : key.ToString();

    /// <summary>True for a scalar written without quotes (and without an explicit <c>!!str</c> tag).</summary>
    public static bool IsPlain(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific) ;

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == StrTag) return JsonValue.Create(text);
        return IsPlain(scalar) ? YamlScalars.ResolvePlain(text) : JsonValue.Create(text);
    }
}
