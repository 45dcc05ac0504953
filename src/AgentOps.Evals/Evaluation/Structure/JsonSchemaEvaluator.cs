using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;
using NJsonSchema;

namespace AgentOps.Evals.Evaluation.Structure;

/// <summary><c>json-schema</c> {schema: object}: the response's JSON (whole output or first <c>```json</c> block) is valid against the schema.</summary>
internal sealed class JsonSchemaEvaluator : SpecEvaluator<JsonSchema>
{
    private const int ErrorsShown = 5;

    private static readonly Func<string, bool> Check = json =>
    {
        using var _ = System.Text.Json.JsonDocument.Parse(json);
        return true;
    };

    public override string Type => "json-schema";

    protected override IReadOnlyList<string> Fields { get; } = ["schema"];

    protected override JsonSchema? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var schema = spec.RequiredObject("schema", problems);
        if (schema is null)
            return null;
        // NJsonSchema ignores what it does not know ({type: 7} checks nothing), so a broken schema would pass every reply.
        var shapeProblems = ToolSchemaCheck.Problems(schema);
        foreach (var problem in shapeProblems)
            problems.Add(new Problem(spec.Location, "schema" + problem.Path, problem.Message));
        if (shapeProblems.Count > 0)
            return null;
        try
        {
            // Runs once per assertion at load time; a schema without remote $refs does no I/O.
            return JsonSchema.FromJsonAsync(schema.ToJsonString()).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problems.Add(new Problem(spec.Location, "schema", $"is not a valid JSON Schema: {e.Message}"));
            return null;
        }
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(JsonSchema schema, AssertionContext context, CancellationToken cancellationToken)
    {
        var output = context.Response.Output;
        // System.Text.Json decides what counts as JSON, the same as is-json; NJsonSchema then checks the shape.
        if (!JsonOutput.TryParse(output, Check, out _, out var json, out var error))
            return new(AssertionResult.Fail(Type, $"expected JSON matching the schema; {error}; {Excerpt.ResponseBegan(output)}"));

        var errors = schema.Validate(json);
        if (errors.Count == 0)
            return new(AssertionResult.Pass(Type, "matches the schema"));

        var shown = errors.Take(ErrorsShown).Select(e => $"{e.Kind} at {(string.IsNullOrEmpty(e.Path) ? "#" : e.Path)}");
        var more = errors.Count > ErrorsShown ? $" (+{errors.Count - ErrorsShown} more)" : "";
        var noun = errors.Count == 1 ? "error" : "errors";
        return new(AssertionResult.Fail(Type, $"does not match the schema: {errors.Count} {noun}: {string.Join("; ", shown)}{more}; JSON began: '{Excerpt.Of(json)}'"));
    }
}
