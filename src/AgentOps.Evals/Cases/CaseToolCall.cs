using System.Text.Json.Nodes;

namespace AgentOps.Evals.Cases;

/// <summary>A tool call an assistant message of the input history made: <c>tool-calls: [{id, name, arguments}]</c>.</summary>
public sealed record CaseToolCall(string Id, string Name, JsonObject? Arguments);
