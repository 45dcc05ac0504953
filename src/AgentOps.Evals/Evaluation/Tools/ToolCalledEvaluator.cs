using System.Text.Json;
using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Tools;

/// <summary>
/// <c>tool-called</c> {name, args?}: some call to the tool had every given argument with an equal value
/// (arguments not listed may hold anything; numbers compare numerically, strings exactly).
/// </summary>
internal sealed class ToolCalledEvaluator : SpecEvaluator<ToolCalledEvaluator.Args>
{
    internal sealed record Args(string Name, JsonObject? Expected, string Wanted, string PassReason);

    public override string Type => "tool-called";

    protected override IReadOnlyList<string> Fields { get; } = ["name", "args"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var name = spec.RequiredText("name", problems);
        var expected = spec.OptionalObject("args", problems);
        if (name is null || problems.Count > 0)
            return null;
        var wanted = expected is null ? name : $"{name} with {Excerpt.Of(expected.ToJsonString())}";
        return new Args(name, expected, wanted, $"called {wanted}");
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        var calls = context.Response.Trajectory.ToolCalls;
        string? firstMismatch = null;
        for (var i = 0; i < calls.Count; i++)
        {
            if (!string.Equals(calls[i].Name, args.Name, StringComparison.Ordinal))
                continue;
            var mismatch = args.Expected is null ? null : Mismatch(args.Expected, calls[i].ArgumentsJson);
            if (mismatch is null)
                return new(AssertionResult.Pass(Type, args.PassReason));
            firstMismatch ??= mismatch;
        }

        var why = firstMismatch is null ? $"{args.Name} was never called" : $"{args.Name} was called but {firstMismatch}";
        return new(AssertionResult.Fail(Type, $"expected a call to {args.Wanted}; {why}; {ToolCallList.WithArgs(calls)}"));
    }

    /// <summary>Why a call's arguments do not cover the expected ones, or null when they do.</summary>
    private static string? Mismatch(JsonObject expected, string argumentsJson)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(string.IsNullOrWhiteSpace(argumentsJson) ? "{}" : argumentsJson);
        }
        catch (JsonException)
        {
            return $"its arguments are not valid JSON: '{Excerpt.Of(argumentsJson, 80)}'";
        }
        if (parsed is not JsonObject actual)
            return $"its arguments are not a JSON object: '{Excerpt.Of(argumentsJson, 80)}'";

        foreach (var (name, value) in expected)
        {
            if (!actual.TryGetPropertyValue(name, out var found))
                return $"argument '{name}' was missing";
            if (!JsonEquality.Matches(value, found))
                return $"argument '{name}' was {Excerpt.Of(found?.ToJsonString() ?? "null", 60)}, expected {Excerpt.Of(value?.ToJsonString() ?? "null", 60)}";
        }
        return null;
    }
}
