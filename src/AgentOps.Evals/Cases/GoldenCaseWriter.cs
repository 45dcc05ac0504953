using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Cases;

/// <summary>Writes a golden case as the YAML a reviewer reads and the loader reads back.</summary>
public static class GoldenCaseWriter
{
    /// <summary>The schema comment that lets editors autocomplete case files.</summary>
    public const string SchemaComment = "# yaml-language-server: $schema=";

    /// <summary>Renders the case as YAML; <paramref name="schemaPath"/> (relative to the file) adds the editor schema comment.</summary>
    public static string ToYaml(GoldenCase goldenCase, string? schemaPath = null)
    {
        var root = new YamlMappingNode
        {
            { "id", Scalar(goldenCase.Id) },
        };
        if (goldenCase.Title.Length > 0) root.Add("title", Scalar(goldenCase.Title));
        if (goldenCase.Tags.Count > 0) root.Add("tags", Flow(goldenCase.Tags.Select(Scalar)));
        root.Add("severity", new YamlScalarNode(goldenCase.Severity.ToString()));
        root.Add("status", new YamlScalarNode(goldenCase.Status.ToYaml()));
        if (goldenCase.Source is { } source) root.Add("source", Scalar(source));
        if (goldenCase.Created is { } created) root.Add("created", new YamlScalarNode(created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (goldenCase.Owner is { } owner) root.Add("owner", Scalar(owner));
        root.Add("input", Input(goldenCase.Input));
        var expect = new YamlSequenceNode();
        foreach (var assertion in goldenCase.Expect) expect.Add(Assertion(assertion));
        root.Add("expect", expect);
        if (goldenCase.Consistency is { } consistency)
        {
            var node = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
            if (consistency.K is { } k) node.Add("k", new YamlScalarNode(k.ToString(CultureInfo.InvariantCulture)));
            if (consistency.MinAgreement is { } min) node.Add("min-agreement", new YamlScalarNode(min.ToString(CultureInfo.InvariantCulture)));
            root.Add("consistency", node);
        }
        if (goldenCase.ExpectJudge is { } label) root.Add("expect-judge", new YamlScalarNode(label ? "pass" : "fail"));
        if (goldenCase.Evidence is { } evidence) root.Add("evidence", FromJson(evidence));

        var writer = new StringWriter(CultureInfo.InvariantCulture);
        if (schemaPath is not null) writer.WriteLine(SchemaComment + schemaPath);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // YamlStream ends documents with "...", which reviewers find noise.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text.Replace("\r\n...\r\n", "\r\n");
    }

    private static YamlMappingNode Assertion(AssertionSpec assertion)
    {
        var node = new YamlMappingNode { { "type", new YamlScalarNode(assertion.Type) } };
        foreach (var (key, value) in assertion.Args) node.Add(key, FromJson(value));
        node.Style = YamlDotNet.Core.Events.MappingStyle.Flow;
        return node;
    }

    private static YamlMappingNode Input(CaseInput input)
    {
        var node = new YamlMappingNode();
        var messages = new YamlSequenceNode();
        foreach (var message in input.Messages)
            messages.Add(new YamlMappingNode { { "role", new YamlScalarNode(message.Role) }, { "content", Scalar(message.Content) } });
        node.Add("messages", messages);
        if (input.Turns.Count > 0)
        {
            var turns = new YamlSequenceNode();
            foreach (var turn in input.Turns)
            {
                var t = new YamlMappingNode { { "user", Scalar(turn.User) } };
                if (turn.Expect.Count > 0) t.Add("expect", new YamlSequenceNode(turn.Expect.Select(Assertion)));
                turns.Add(t);
            }
            node.Add("turns", turns);
        }
        if (input.Vars.Count > 0)
        {
            var vars = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
            foreach (var (key, value) in input.Vars) vars.Add(key, Scalar(value));
            node.Add("vars", vars);
        }
        if (input.Context.Count > 0)
        {
            var context = new YamlSequenceNode();
            foreach (var doc in input.Context) context.Add(Scalar(doc));
            node.Add("context", context);
        }
        if (input.Tools.Count > 0)
        {
            var tools = new YamlSequenceNode();
            foreach (var tool in input.Tools)
            {
                var t = new YamlMappingNode { { "name", Scalar(tool.Name) }, { "description", Scalar(tool.Description) } };
                if (tool.Parameters is not null) t.Add("parameters", FromJson(tool.Parameters, flow: true));
                if (tool.Returns is not null) t.Add("returns", FromJson(tool.Returns, flow: true));
                if (tool.Error is not null) t.Add("error", Scalar(tool.Error));
                tools.Add(t);
            }
            node.Add("tools", tools);
        }
        return node;
    }

    private static YamlSequenceNode Flow(IEnumerable<YamlNode> items)
    {
        var node = new YamlSequenceNode(items) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow };
        return node;
    }

    /// <summary>A string scalar, quoted when plain YAML would read it as something else.</summary>
    private static YamlScalarNode Scalar(string value)
    {
        var node = new YamlScalarNode(value);
        if (value.Contains('\n')) node.Style = ScalarStyle.Literal;
        else if (NeedsQuotes(value)) node.Style = ScalarStyle.DoubleQuoted;
        return node;
    }

    private static bool NeedsQuotes(string value) =>
        value.Length == 0
        || value != value.Trim()
        || value.IndexOfAny([':', '#', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`']) >= 0
        || value.StartsWith('-') || value.StartsWith('?')
        || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        // The loader's rule for plain scalars (0x1F, NULL, TRUE, .inf, …): anything it would not read as this string is quoted.
        || !YamlScalars.ReadsBackAsString(value)
        || value is "true" or "false" or "null" or "~" or "yes" or "no" or "on" or "off" or "True" or "False" or "Null";

    private static YamlNode FromJson(JsonNode? node, bool flow = false)
    {
        switch (node)
        {
            case null:
                return new YamlScalarNode("null");
            case JsonObject obj:
            {
                var map = new YamlMappingNode();
                if (flow) map.Style = YamlDotNet.Core.Events.MappingStyle.Flow;
                foreach (var (key, value) in obj) map.Add(key, FromJson(value, flow));
                return map;
            }
            case JsonArray array:
            {
                var seq = new YamlSequenceNode();
                if (flow || array.All(a => a is JsonValue)) seq.Style = YamlDotNet.Core.Events.SequenceStyle.Flow;
                foreach (var item in array) seq.Add(FromJson(item, flow));
                return seq;
            }
            default:
            {
                return node.GetValueKind() switch
                {
                    JsonValueKind.String => Scalar(node.GetValue<string>()),
                    JsonValueKind.True => new YamlScalarNode("true"),
                    JsonValueKind.False => new YamlScalarNode("false"),
                    JsonValueKind.Number => new YamlScalarNode(node.ToJsonString()),
                    _ => new YamlScalarNode("null"),
                };
            }
        }
    }
}
