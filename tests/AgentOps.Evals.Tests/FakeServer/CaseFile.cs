using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Tests.FakeServer;

/// <summary>A golden case file read straight from YAML (independent of the product's loader), as JSON.</summary>
internal sealed record CaseFile(string Path, string Suite, JsonObject Json)
{
    public string Id => (string)Json["id"]!;

    public string Severity => (string)Json["severity"]!;

    public IReadOnlyList<string> Tags => [.. Json["tags"]!.AsArray().Select(t => (string)t!)];

    public JsonObject Input => Json["input"]!.AsObject();

    public IReadOnlyList<JsonObject> Expect => [.. Json["expect"]!.AsArray().Select(e => e!.AsObject())];

    public static IReadOnlyList<CaseFile> All() =>
        [.. Directory.EnumerateFiles(RepoPaths.GoldenSet, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(Read)];

    public static CaseFile Read(string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException e)
        {
            throw new InvalidOperationException($"{path}:{e.Start.Line}:{e.Start.Column}: {e.Message}", e);
        }
        var json = ToJson(stream.Documents[0].RootNode)!.AsObject();
        var suite = System.IO.Path.GetRelativePath(RepoPaths.GoldenSet, System.IO.Path.GetDirectoryName(path)!);
        return new CaseFile(path, suite, json);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value ?? ""),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => throw new InvalidOperationException("unexpected YAML node " + node.NodeType),
    };

    private static JsonNode? Plain(string value) => value switch
    {
        "null" or "~" or "" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        _ => JsonValue.Create(value),
    };
}
