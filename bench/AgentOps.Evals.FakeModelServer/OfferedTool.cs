namespace AgentOps.Evals.FakeModelServer;

/// <summary>A function tool the request offers.</summary>
internal sealed record OfferedTool(string Name, string Description);
