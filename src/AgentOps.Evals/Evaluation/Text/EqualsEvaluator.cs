using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Text;

/// <summary>
/// <c>equals</c> {value, ignore-case = false, trim = true}: the output equals the value. A number value compares
/// numerically (output "42.0" equals 42, as promptfoo's loose equality does); an object or list value compares the
/// output parsed as JSON, deeply.
/// </summary>
internal class EqualsEvaluator : SpecEvaluator<EqualsEvaluator.Args>
{
    internal sealed record Args(string Expected, double? Number, JsonNode? Json, StringComparison Comparison, bool Trim, string Quoted, string PassReason);

    public override string Type => "equals";

    /// <summary>True for <c>not-equals</c>: the output must differ.</summary>
    protected virtual bool Negated => false;

    protected override IReadOnlyList<string> Fields { get; } = ["value", "ignore-case", "trim"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var node = spec.Args["value"];
        var ignoreCase = spec.OptionalBool("ignore-case", false, problems);
        var trim = spec.OptionalBool("trim", true, problems);
        if (node is JsonObject or JsonArray)
        {
            if (problems.Count > 0)
                return null;
            var json = node.ToJsonString();
            var quotedJson = Excerpt.Of(json);
            return new Args(json, null, node.DeepClone(), StringComparison.Ordinal, trim, quotedJson, $"equals JSON {quotedJson}");
        }
        var value = spec.RequiredText("value", problems, allowEmpty: true);
        if (value is null || problems.Count > 0)
            return null;
        double? number = node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
        var expected = trim ? value.Trim() : value;
        var quoted = Excerpt.Of(expected);
        return new Args(
            expected,
            number,
            null,
            ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal,
            trim,
            quoted,
            number is not null ? $"equals the number {quoted}" : ignoreCase ? $"equals '{quoted}' (ignoring case)" : $"equals '{quoted}'");
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        var output = context.Response.Output;
        var actual = args.Trim ? output.AsSpan().Trim() : output.AsSpan();
        var equal = Same(args, actual);
        if (Negated)
        {
            return new(equal
                ? AssertionResult.Fail(Type, $"expected not to equal '{args.Quoted}'; {Excerpt.ResponseBegan(output)}")
                : AssertionResult.Pass(Type, $"differs from '{args.Quoted}'"));
        }
        if (equal)
            return new(AssertionResult.Pass(Type, args.PassReason));
        if (args.Json is not null || args.Number is not null)
            return new(AssertionResult.Fail(Type, $"expected to equal {(args.Json is null ? "the number" : "JSON")} {args.Quoted}; {Excerpt.ResponseBegan(output)}"));

        var at = FirstDifference(actual, args.Expected, args.Comparison);
        var actualText = actual.ToString();
        var shown = at < Excerpt.DefaultLength / 2
            ? Excerpt.ResponseBegan(actualText)
            : $"response around char {at}: '{Excerpt.Around(actualText, at, 1)}'";
        return new(AssertionResult.Fail(Type, $"expected to equal '{args.Quoted}' (first difference at char {at}); {shown}"));
    }

    private static bool Same(Args args, ReadOnlySpan<char> actual)
    {
        if (args.Json is not null)
        {
            try
            {
                return JsonEquality.Matches(args.Json, JsonNode.Parse(actual.ToString()));
            }
            catch (JsonException)
            {
                return false;
            }
        }
        if (args.Number is { } number && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            return parsed == number;
        return actual.Equals(args.Expected, args.Comparison);
    }

    private static int FirstDifference(ReadOnlySpan<char> actual, string expected, StringComparison comparison)
    {
        var length = Math.Min(actual.Length, expected.Length);
        for (var i = 0; i < length; i++)
        {
            if (!actual.Slice(i, 1).Equals(expected.AsSpan(i, 1), comparison))
                return i;
        }
        return length;
    }
}
