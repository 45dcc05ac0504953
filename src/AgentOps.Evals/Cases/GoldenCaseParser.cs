using System.Globalization;
using System.Text.Json.Nodes;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Cases;

/// <summary>Turns a case file's YAML tree into a <see cref="GoldenCase"/>, reporting every problem on the way.</summary>
internal sealed class GoldenCaseParser(YamlFieldReader reader, EvaluatorRegistry registry)
{
    public static readonly string[] CaseFields =
        ["id", "title", "tags", "severity", "status", "source", "created", "owner", "input", "expect", "consistency", "expect-judge", "evidence"];

    private static readonly string[] InputFields = ["messages", "vars", "context", "tools"];
    private static readonly string[] MessageFields = ["role", "content"];
    private static readonly string[] ToolFields = ["name", "description", "parameters", "returns", "error"];
    private static readonly string[] ConsistencyFields = ["k", "min-agreement"];
    private static readonly string[] Roles = ["system", "user", "assistant", "tool"];
    private static readonly string[] Severities = Enum.GetNames<Severity>();
    private static readonly string[] Statuses = Enum.GetValues<CaseStatus>().Select(s => s.ToYaml()).ToArray();

    /// <summary>The case, or null when a problem makes it unusable; the id's location comes back for duplicate checks.</summary>
    public (GoldenCase? Case, SourceLocation? IdLocation) Parse(YamlNode root, string expectedId, string suite)
    {
        var before = reader.Problems.Count;
        if (reader.Mapping(root, "", "a golden case: a mapping with id, input and expect") is not { } map) return (null, null);
        var fields = reader.Fields(map, "", CaseFields);

        string? id = null;
        SourceLocation? idLocation = null;
        if (fields.TryGetValue("id", out var idNode))
        {
            idLocation = reader.At(idNode);
            id = reader.Text(idNode, "id", "the case id");
            if (id is not null && id != expectedId)
                reader.Report(idNode, "id", $"found '{id}', expected '{expectedId}' (the id must equal the file name without extension)");
        }
        else reader.Missing(map, "id", $"the case id ('{expectedId}', the file name)");

        var title = reader.Text(fields.GetValueOrDefault("title"), "title") ?? "";
        var tags = reader.TextList(fields.GetValueOrDefault("tags"), "tags", "tag names");
        var severity = reader.OneOf(fields.GetValueOrDefault("severity"), "severity", Severities) is { } sev ? Enum.Parse<Severity>(sev) : Severity.P2;
        var status = reader.OneOf(fields.GetValueOrDefault("status"), "status", Statuses) is { } st && CaseStatusNames.TryParse(st, out var parsed)
            ? parsed : CaseStatus.Active;
        var source = reader.Text(fields.GetValueOrDefault("source"), "source");
        var owner = reader.Text(fields.GetValueOrDefault("owner"), "owner");
        var created = Date(fields.GetValueOrDefault("created"), "created");

        CaseInput? input = null;
        if (fields.TryGetValue("input", out var inputNode)) input = Input(inputNode);
        else reader.Missing(map, "input", "a mapping with messages (and optionally vars, context, tools)");

        var bound = Expect(fields.GetValueOrDefault("expect"));
        var expect = bound.Select(b => b.Spec).ToList();
        if (input is not null) RequireContext(bound, input);
        var expectNode = fields.GetValueOrDefault("expect");
        if (status == CaseStatus.Active && (YamlFieldReader.IsNull(expectNode) || expectNode is YamlSequenceNode { Children.Count: 0 }))
            reader.Report(expectNode ?? map, "expect",
                "found no assertions in an active case, expected at least one (or status: needs-label until a reviewer writes them)");

        var consistency = Consistency(fields.GetValueOrDefault("consistency"));
        bool? expectJudge = reader.OneOf(fields.GetValueOrDefault("expect-judge"), "expect-judge", ["pass", "fail"]) switch
        {
            "pass" => true,
            "fail" => false,
            _ => null,
        };
        var evidence = YamlFieldReader.IsNull(fields.GetValueOrDefault("evidence"))
            ? null
            : reader.JsonObjectOf(fields.GetValueOrDefault("evidence"), "evidence", "a mapping of harvest metadata");

        // An active case with nothing to say would be sent as an empty conversation and pass on whatever comes back.
        // Reported only when nothing else is wrong with the case, so it never piles onto a typo already reported.
        if (reader.Problems.Count == before && status == CaseStatus.Active && input is { Messages.Count: 0 })
            reader.Report(inputNode is YamlMappingNode m && m.Children.FirstOrDefault(p => YamlJsonConverter.KeyText(p.Key) == "messages").Key is { } key ? key : inputNode!, "input.messages",
                "found no messages in an active case, expected at least one {role: user, content: ...} (or status: needs-label until it has one)");
        if (reader.Problems.Count > before || id is null || input is null) return (null, idLocation);
        return (new GoldenCase
        {
            Id = id,
            Title = title,
            Tags = tags,
            Severity = severity,
            Status = status,
            Source = source,
            Created = created,
            Owner = owner,
            Input = input,
            Expect = expect,
            Consistency = consistency,
            ExpectJudge = expectJudge,
            Evidence = evidence,
            Suite = suite,
            Location = reader.At(map),
        }, idLocation);
    }

    private DateOnly? Date(YamlNode? node, string field)
    {
        if (reader.Text(node, field, "a date as yyyy-MM-dd") is not { } text) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        reader.Report(node!, field, $"found '{text}', expected a date as yyyy-MM-dd");
        return null;
    }

    private CaseInput? Input(YamlNode node)
    {
        if (reader.Mapping(node, "input", "a mapping with messages (and optionally vars, context, tools)") is not { } map) return null;
        var fields = reader.Fields(map, "input", InputFields);

        var messages = new List<CaseMessage>();
        if (reader.Sequence(fields.GetValueOrDefault("messages"), "input.messages", "a list of {role, content} messages") is { } seq)
        {
            for (var i = 0; i < seq.Children.Count; i++)
            {
                var path = YamlFieldReader.Index("input.messages", i);
                if (reader.Mapping(seq.Children[i], path, "a message: {role, content}") is not { } m) continue;
                var f = reader.Fields(m, path, MessageFields);
                var role = f.TryGetValue("role", out var r) ? reader.OneOf(r, path + ".role", Roles) : Missing(m, path + ".role", "one of " + string.Join(", ", Roles));
                var content = f.TryGetValue("content", out var c) ? reader.Text(c, path + ".content", "the message text") : Missing(m, path + ".content", "the message text");
                if (role is not null && content is not null) messages.Add(new CaseMessage(role, content));
            }
        }

        var vars = reader.TextMap(fields.GetValueOrDefault("vars"), "input.vars", "a scalar value");
        var context = reader.TextList(fields.GetValueOrDefault("context"), "input.context", "grounding documents (text)");

        var tools = new List<MockTool>();
        if (reader.Sequence(fields.GetValueOrDefault("tools"), "input.tools", "a list of mocked tools") is { } toolSeq)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < toolSeq.Children.Count; i++)
            {
                var path = YamlFieldReader.Index("input.tools", i);
                if (reader.Mapping(toolSeq.Children[i], path, "a tool: {name, description, parameters, returns}") is not { } t) continue;
                var f = reader.Fields(t, path, ToolFields);
                var name = f.TryGetValue("name", out var n) ? reader.Text(n, path + ".name", "the tool name") : Missing(t, path + ".name", "the tool name");
                if (name is not null && !names.Add(name))
                    reader.Report(f["name"], path + ".name", $"found a second tool named '{name}', expected tool names unique within the case");
                var description = reader.Text(f.GetValueOrDefault("description"), path + ".description") ?? "";
                var parameters = YamlFieldReader.IsNull(f.GetValueOrDefault("parameters"))
                    ? null
                    : reader.JsonObjectOf(f.GetValueOrDefault("parameters"), path + ".parameters", "a JSON schema object (a mapping)");
                if (parameters is not null)
                    foreach (var problem in ToolSchemaCheck.Problems(parameters))
                        reader.Report(f["parameters"], $"{path}.parameters{problem.Path}", problem.Message);
                var returns = f.TryGetValue("returns", out var ret) ? YamlJsonConverter.ToJson(ret) : null;
                var error = reader.Text(f.GetValueOrDefault("error"), path + ".error", "the error message text");
                if (name is not null) tools.Add(new MockTool(name, description, parameters, returns, error));
            }
        }
        return new CaseInput(messages, vars, context, tools);
    }

    /// <summary>The entries that bound cleanly, each with its path (<c>expect[2]</c>) for later case-level checks.</summary>
    private List<(AssertionSpec Spec, string Path)> Expect(YamlNode? node)
    {
        var specs = new List<(AssertionSpec, string)>();
        if (reader.Sequence(node, "expect", "a list of assertions like {type: contains, value: …}") is not { } seq) return specs;
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var path = YamlFieldReader.Index("expect", i);
            if (reader.Mapping(seq.Children[i], path, "an assertion: a mapping with a type, e.g. {type: contains, value: …}") is not { } map) continue;
            YamlNode? typeNode = null;
            var args = new JsonObject();
            var argNodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Children)
            {
                var name = YamlJsonConverter.KeyText(key);
                if (name == "type") typeNode = value;
                else
                {
                    args[name] = YamlJsonConverter.ToJson(value);
                    argNodes[name] = value;
                }
            }
            if (typeNode is null)
            {
                reader.Missing(map, path + ".type", "an assertion type, e.g. contains");
                continue;
            }
            if (reader.Text(typeNode, path + ".type", "an assertion type, e.g. contains") is not { } type) continue;
            if (!registry.TryGet(type, out var evaluator))
            {
                reader.Report(typeNode, path + ".type", $"found unknown assertion type '{type}', {NameSuggestion.Hint(type, registry.Types)}");
                continue;
            }
            var spec = new AssertionSpec(type, args, reader.At(map));
            if (Bind(evaluator, spec, path, argNodes) is { } bound) specs.Add((spec with { Bound = bound }, path));
        }
        return specs;
    }

    /// <summary>Binds the entry (the evaluator parses and checks its fields once, here) and points each problem at the
    /// assertion and, when it names one, the field; null when any problem was found.</summary>
    private BoundAssertion? Bind(IAssertionType evaluator, AssertionSpec spec, string path, Dictionary<string, YamlNode> argNodes)
    {
        var found = new List<Problem>();
        BoundAssertion? bound;
        try
        {
            bound = evaluator.Bind(spec, found);
        }
        catch (Exception e)
        {
            reader.Problems.Add(new Problem(spec.Location, path, $"the '{spec.Type}' evaluator could not check this assertion: {e.Message}"));
            return null;
        }
        foreach (var problem in found)
        {
            var field = problem.Field.StartsWith("expect[", StringComparison.Ordinal) ? problem.Field
                : problem.Field.Length == 0 ? path : path + "." + problem.Field;
            var location = problem.Location;
            var argName = problem.Field.Split('.', '[')[0];
            if (argNodes.TryGetValue(argName, out var argNode) && (location.Line == 0 || location == spec.Location)) location = reader.At(argNode);
            else if (location.Line == 0 || location.File != reader.File) location = spec.Location;
            reader.Problems.Add(new Problem(location, field, problem.Message));
        }
        if (found.Count == 0 && bound is null)
            reader.Problems.Add(new Problem(spec.Location, path, $"the '{spec.Type}' evaluator refused this assertion without saying why"));
        return found.Count == 0 ? bound : null;
    }

    /// <summary>An assertion that grades against <c>input.context</c> (groundedness) in a case without one could only fail at run time, as a judge error; refuse it now.</summary>
    private void RequireContext(List<(AssertionSpec Spec, string Path)> bound, CaseInput input)
    {
        if (input.Context.Count > 0) return;
        foreach (var (spec, path) in bound)
        {
            if (spec.Bound is { NeedsContext: true })
                reader.Problems.Add(new Problem(spec.Location, path,
                    $"found a '{spec.Type}' assertion and no input.context, expected input.context to list the documents the response must be grounded in"));
        }
    }

    private ConsistencyOverride? Consistency(YamlNode? node)
    {
        if (YamlFieldReader.IsNull(node) || reader.Mapping(node, "consistency", "a mapping {k, min-agreement}") is not { } map) return null;
        var fields = reader.Fields(map, "consistency", ConsistencyFields);
        var k = reader.Integer(fields.GetValueOrDefault("k"), "consistency.k", 1, 1000);
        var min = reader.Number(fields.GetValueOrDefault("min-agreement"), "consistency.min-agreement", 0, 1);
        return new ConsistencyOverride((int?)k, min);
    }

    private string? Missing(YamlNode parent, string field, string expected)
    {
        reader.Missing(parent, field, expected);
        return null;
    }
}
