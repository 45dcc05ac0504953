using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.FakeModelServer;

/// <summary>The scripted agent the fake server plays: ordered rules (first match wins) and a default reply. See fixtures/fake-agent/rules.yaml.</summary>
public sealed class FakeAgentRules
{
    /// <summary>The reply when no rule matches and no other default is set.</summary>
    public const string BuiltInDefaultReply = "I can help with that. (default reply)";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private FakeAgentRules(IReadOnlyList<ScriptRule> rules, string defaultReply)
    {
        Rules = rules;
        DefaultReply = defaultReply;
    }

    /// <summary>No rules: every request gets the default reply.</summary>
    public static FakeAgentRules Empty { get; } = new([], BuiltInDefaultReply);

    /// <summary>The reply when no rule matches.</summary>
    public string DefaultReply { get; }

    /// <summary>How many rules there are.</summary>
    public int Count => Rules.Count;

    internal IReadOnlyList<ScriptRule> Rules { get; }

    /// <summary>Reads a rules file; throws <see cref="FormatException"/> naming file, line and field on bad input.</summary>
    public static FakeAgentRules Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses rules YAML; throws <see cref="FormatException"/> naming source, line and field on bad input.</summary>
    public static FakeAgentRules Parse(string yaml, string sourceName = "rules.yaml")
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{sourceName}:{e.Start.Line}:{e.Start.Column}: {e.Message}", e);
        }
        if (stream.Documents.Count == 0) return Empty;
        if (stream.Documents[0].RootNode is not YamlMappingNode root) throw Error(sourceName, stream.Documents[0].RootNode, "(root)", "expected a mapping with 'rules'");

        var defaultReply = BuiltInDefaultReply;
        var rules = new List<ScriptRule>();
        foreach (var (keyNode, value) in root.Children)
        {
            switch (Key(keyNode))
            {
                case "default-reply":
                    defaultReply = ScalarText(sourceName, value, "default-reply");
                    break;
                case "rules":
                    if (value is not YamlSequenceNode sequence) throw Error(sourceName, value, "rules", "expected a list of rules");
                    foreach (var item in sequence) rules.Add(ParseRule(sourceName, item, rules.Count));
                    break;
                default:
                    throw Error(sourceName, keyNode, Key(keyNode), "unknown field; expected default-reply or rules");
            }
        }
        return new FakeAgentRules(rules, defaultReply);
    }

    private static ScriptRule ParseRule(string source, YamlNode node, int index)
    {
        if (node is not YamlMappingNode map) throw Error(source, node, $"rules[{index}]", "expected a mapping");
        string name = $"rule-{index + 1}";
        List<string> systemContains = [], systemNotContains = [];
        Regex? user = null, model = null, systemMatches = null, responseFormat = null;
        var after = ScriptRule.AfterNone;
        var toolResult = new List<KeyValuePair<string[], Regex>>();
        var calls = new List<ToolCallTemplate>();
        ReplyTemplate? reply = null;
        string? finishReason = null;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = Key(keyNode);
            var field = $"rules[{index}].{key}";
            switch (key)
            {
                case "name": name = ScalarText(source, value, field); break;
                case "system-contains": systemContains.AddRange(TextList(source, value, field)); break;
                case "system-not-contains": systemNotContains.AddRange(TextList(source, value, field)); break;
                case "system-matches": systemMatches = Pattern(source, value, field); break;
                case "user": user = Pattern(source, value, field); break;
                case "model": model = Pattern(source, value, field); break;
                case "response-format": responseFormat = Pattern(source, value, field); break;
                case "after": after = ScalarText(source, value, field); break;
                case "tool-result":
                    if (value is not YamlMappingNode conditions) throw Error(source, value, field, "expected a mapping of field path to regex");
                    foreach (var (pathNode, patternNode) in conditions.Children)
                        toolResult.Add(new(Key(pathNode).Split('.'), Pattern(source, patternNode, $"{field}.{Key(pathNode)}")));
                    break;
                case "call":
                    if (value is YamlSequenceNode many)
                        foreach (var call in many) calls.Add(ParseCall(source, call, field));
                    else calls.Add(ParseCall(source, value, field));
                    break;
                case "reply": reply = ReplyTemplate.Parse(ScalarText(source, value, field)); break;
                case "finish-reason": finishReason = ScalarText(source, value, field); break;
                default:
                    throw Error(source, keyNode, field,
                        "unknown field; expected name, system-contains, system-not-contains, system-matches, user, model, response-format, after, tool-result, call, reply or finish-reason");
            }
        }
        if ((calls.Count > 0) == (reply is not null))
            throw Error(source, node, $"rules[{index}]", "a rule answers with exactly one of 'call' or 'reply'");
        return new ScriptRule(name, systemContains, systemNotContains, systemMatches, user, model, after, toolResult, calls, reply, finishReason) { ResponseFormat = responseFormat };
    }

    private static ToolCallTemplate ParseCall(string source, YamlNode node, string field)
    {
        if (node is not YamlMappingNode map) throw Error(source, node, field, "expected {name: TOOL, args: {...}}");
        string? name = null;
        ArgumentTemplate args = new ArgumentTemplate.Object([]);
        foreach (var (keyNode, value) in map.Children)
        {
            switch (Key(keyNode))
            {
                case "name": name = ScalarText(source, value, field + ".name"); break;
                case "args": args = Argument(source, value, field + ".args"); break;
                default: throw Error(source, keyNode, field, "unknown field; expected name or args");
            }
        }
        return new ToolCallTemplate(name ?? throw Error(source, node, field + ".name", "a tool call needs a name"), args);
    }

    private static ArgumentTemplate Argument(string source, YamlNode node, string field) => node switch
    {
        YamlMappingNode map => new ArgumentTemplate.Object([.. map.Children.Select(c => new KeyValuePair<string, ArgumentTemplate>(Key(c.Key), Argument(source, c.Value, $"{field}.{Key(c.Key)}")))]),
        YamlSequenceNode seq => new ArgumentTemplate.Array([.. seq.Children.Select((c, i) => Argument(source, c, $"{field}[{i}]"))]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var v } when PlainLiteral(v) is { } literal => new ArgumentTemplate.Literal(literal),
        YamlScalarNode scalar => new ArgumentTemplate.Text(ReplyTemplate.Parse(scalar.Value ?? "")),
        _ => throw Error(source, node, field, "expected a value"),
    };

    private static JsonElement? PlainLiteral(string? value)
    {
        if (value is null or "null" or "~") return JsonDocument.Parse("null").RootElement.Clone();
        if (value is "true" or "false") return JsonDocument.Parse(value).RootElement.Clone();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !value.StartsWith('+') && !value.StartsWith('.'))
        {
            try
            {
                return JsonDocument.Parse(value).RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }
        return null;
    }

    private static Regex Pattern(string source, YamlNode node, string field)
    {
        var text = ScalarText(source, node, field);
        try
        {
            return new Regex(text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw Error(source, node, field, $"not a valid regex: {e.Message}");
        }
    }

    private static IEnumerable<string> TextList(string source, YamlNode node, string field) => node switch
    {
        YamlSequenceNode seq => seq.Children.Select((c, i) => ScalarText(source, c, $"{field}[{i}]")).ToList(),
        _ => [ScalarText(source, node, field)],
    };

    private static string ScalarText(string source, YamlNode node, string field) =>
        node is YamlScalarNode scalar ? scalar.Value ?? "" : throw Error(source, node, field, "expected a text value");

    private static string Key(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? "" : node.ToString();

    private static FormatException Error(string source, YamlNode node, string field, string message) =>
        new($"{source}:{node.Start.Line}:{node.Start.Column}: {field}: {message}");
}
