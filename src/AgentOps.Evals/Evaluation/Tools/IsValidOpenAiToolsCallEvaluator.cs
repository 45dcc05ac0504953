using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;
using NJsonSchema;

namespace AgentOps.Evals.Evaluation.Tools;

/// <summary>
/// <c>is-valid-openai-tools-call</c>: the trial made at least one tool call (or the output is OpenAI <c>tool_calls</c> JSON),
/// and every call names one of the case's tools with arguments that are a JSON object valid against that tool's parameters.
/// </summary>
internal sealed class IsValidOpenAiToolsCallEvaluator : SpecEvaluator<object>
{
    private static readonly object NoArgs = new();

    // A case's tool schemas are the same for every trial: parse each once.
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    public override string Type => "is-valid-openai-tools-call";

    protected override IReadOnlyList<string> Fields { get; } = [];

    protected override object? Parse(AssertionSpec spec, List<Problem> problems) => NoArgs;

    protected override ValueTask<AssertionResult> EvaluateAsync(object args, AssertionContext context, CancellationToken cancellationToken)
    {
        var calls = context.Response.Trajectory.ToolCalls.Select(c => (c.Name, c.ArgumentsJson)).ToList();
        if (calls.Count == 0 && !TryReadOutputCalls(context.Response.Output, calls))
            return new(AssertionResult.Fail(Type, $"expected tool calls; no tool was called and the output is not OpenAI tool_calls JSON; {Excerpt.ResponseBegan(context.Response.Output)}"));

        var tools = context.Case.Input.Tools;
        foreach (var (name, arguments) in calls)
        {
            if (Problem(name, arguments, tools) is { } problem)
                return new(AssertionResult.Fail(Type, $"invalid call to {name}: {problem}"));
        }
        return new(AssertionResult.Pass(Type, $"{calls.Count} valid tool call(s): {string.Join(", ", calls.Select(c => c.Name))}"));
    }

    private static string? Problem(string name, string arguments, IReadOnlyList<MockTool> tools)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(string.IsNullOrWhiteSpace(arguments) ? "{}" : arguments);
        }
        catch (JsonException)
        {
            return $"arguments are not valid JSON: '{Excerpt.Of(arguments, 80)}'";
        }
        if (parsed is not JsonObject)
            return $"arguments are not a JSON object: '{Excerpt.Of(arguments, 80)}'";
        if (tools.Count == 0)
            return null;
        var tool = tools.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
        if (tool is null)
            return $"no tool of that name in the case (tools: {string.Join(", ", tools.Select(t => t.Name))})";
        if (tool.Parameters is null)
            return null;
        var schemaJson = tool.Parameters.ToJsonString();
        var schema = Schemas.GetOrAdd(schemaJson, json => JsonSchema.FromJsonAsync(json).GetAwaiter().GetResult());
        var errors = schema.Validate(parsed.ToJsonString());
        return errors.Count == 0 ? null : "arguments do not match the tool's parameters: " + string.Join("; ", errors.Take(3).Select(e => $"{e.Path} {e.Kind}"));
    }

    /// <summary>Reads <c>[{"type":"function","function":{"name","arguments"}}]</c> or <c>{"tool_calls": [...]}</c> written as the output.</summary>
    private static bool TryReadOutputCalls(string output, List<(string Name, string ArgumentsJson)> calls)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(output.Trim());
        }
        catch (JsonException)
        {
            return false;
        }
        var list = root switch
        {
            JsonArray array => array,
            JsonObject o when o["tool_calls"] is JsonArray array => array,
            _ => null,
        };
        if (list is null || list.Count == 0)
            return false;
        foreach (var item in list)
        {
            if (item is not JsonObject call || (call["function"] ?? call) is not JsonObject function || function["name"] is not JsonValue nameNode
                || !nameNode.TryGetValue(out string? name))
                return false;
            var arguments = function["arguments"] switch
            {
                JsonValue v when v.TryGetValue(out string? s) => s,
                JsonNode node => node.ToJsonString(),
                null => "{}",
            };
            calls.Add((name, arguments));
        }
        return true;
    }
}
