using System.Text.Json.Nodes;

namespace AgentOps.Evals.Cases;

/// <summary>A tool the agent may call during a trial; the harness answers with <see cref="Returns"/>.</summary>
/// <param name="Parameters">JSON Schema of the arguments, as the model sees it.</param>
/// <param name="Returns">What the mocked tool returns (any JSON), or null for an empty result.</param>
/// <param name="Error">When set, the tool call fails with this message (to test error handling).</param>
/// <param name="Name">The tool's name, as the model calls it.</param>
/// <param name="Description">What the tool does, as the model sees it.</param>
public sealed record MockTool(string Name, string Description, JsonObject? Parameters, JsonNode? Returns, string? Error = null);
