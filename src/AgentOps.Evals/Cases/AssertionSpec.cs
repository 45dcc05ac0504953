using System.Text.Json.Nodes;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;

namespace AgentOps.Evals.Cases;

/// <summary>One entry of a case's <c>expect</c> list: its type and its other fields as JSON.</summary>
/// <param name="Type">The assertion type, e.g. <c>contains</c>.</param>
/// <param name="Args">Every field but <c>type</c>, e.g. <c>{"value": "14 days"}</c>.</param>
/// <param name="Location">Where the assertion stands in its case file.</param>
public sealed record AssertionSpec(string Type, JsonObject Args, SourceLocation Location)
{
    /// <summary>The entry bound by the loader (fields parsed and checked once); null for a spec built in code,
    /// which <see cref="EvaluatorRegistry.Bind"/> binds when it is scored.</summary>
    public BoundAssertion? Bound { get; init; }

    /// <summary>A string field, or null when absent.</summary>
    public string? GetString(string name) => Args[name] is JsonValue v && v.TryGetValue(out string? s) ? s : Args[name]?.ToJsonString();

    /// <summary>A numeric field, or null when absent or not a number.</summary>
    public double? GetNumber(string name) =>
        Args[name] is JsonValue v && (v.TryGetValue(out double d) || (v.TryGetValue(out string? s) && double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out d))) ? d : null;
}
