using System.Text.Json.Nodes;

namespace AgentOps.Evals.Cases;

/// <summary>A requested response format: <c>text</c>, <c>json_object</c>, or <c>json_schema</c> with its schema.</summary>
public sealed record ResponseFormatSpec(string Format, JsonObject? Schema, string? Name);
