using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Structure;

/// <summary>
/// <c>json-path</c> {path, equals}: the value at the path of the response's JSON equals <c>equals</c> (numbers numerically).
/// A path with a wildcard selects a list, compared with <c>equals</c> as a list.
/// </summary>
internal sealed class JsonPathEvaluator : SpecEvaluator<JsonPathEvaluator.Args>
{
    internal sealed record Args(JsonPath Path, JsonNode? Expected, string ExpectedText, string PassReason);

    private static readonly Func<string, JsonNode?> ParseNode = json => JsonNode.Parse(json);

    public override string Type => "json-path";

    protected override IReadOnlyList<string> Fields { get; } = ["path", "equals"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var text = spec.RequiredText("path", problems);
        JsonPath? path = null;
        if (text is not null && !JsonPath.TryParse(text, out path, out var error))
            problems.Add(new Problem(spec.Location, "path", $"'{text}' is not a supported JSONPath: {error}"));
        if (!spec.Args.ContainsKey("equals"))
            problems.Add(new Problem(spec.Location, "equals", "missing; expected the JSON value the path must hold (use equals: null for null)"));
        if (path is null || problems.Count > 0)
            return null;

        var expected = spec.Args["equals"];
        var expectedText = Excerpt.Of(expected?.ToJsonString() ?? "null");
        return new Args(path, expected, expectedText, $"{path.Text} equals {expectedText}");
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        var output = context.Response.Output;
        if (!JsonOutput.TryParse(output, ParseNode, out var root, out _, out var error))
            return new(AssertionResult.Fail(Type, $"expected JSON to read {args.Path.Text} from; {error}; {Excerpt.ResponseBegan(output)}"));

        var selected = args.Path.Select(root, out var missed);
        if (selected.Count == 0)
            return new(AssertionResult.Fail(Type, $"{args.Path.Text} not found: {missed}"));

        bool equal;
        string found;
        if (args.Path.HasWildcard)
        {
            equal = args.Expected is JsonArray expectedList && ListMatches(expectedList, selected);
            found = "[" + string.Join(",", selected.Select(n => n?.ToJsonString() ?? "null")) + "]";
        }
        else
        {
            equal = JsonEquality.Matches(args.Expected, selected[0]);
            found = selected[0]?.ToJsonString() ?? "null";
        }
        return new(equal
            ? AssertionResult.Pass(Type, args.PassReason)
            : AssertionResult.Fail(Type, $"expected {args.Path.Text} to equal {args.ExpectedText}; found {Excerpt.Of(found)}"));
    }

    private static bool ListMatches(JsonArray expected, List<JsonNode?> selected)
    {
        if (expected.Count != selected.Count)
            return false;
        for (var i = 0; i < selected.Count; i++)
        {
            if (!JsonEquality.Matches(expected[i], selected[i]))
                return false;
        }
        return true;
    }
}
