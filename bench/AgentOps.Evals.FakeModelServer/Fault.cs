namespace AgentOps.Evals.FakeModelServer;

/// <summary>A failure the server injects instead of a reply.</summary>
internal enum Fault { None, RateLimit, ServerError, Hang, Malformed }
