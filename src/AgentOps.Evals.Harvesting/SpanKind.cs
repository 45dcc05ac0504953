namespace AgentOps.Evals.Harvesting;

/// <summary>What a span did, as far as harvest cares.</summary>
internal enum SpanKind { Other, ModelCall, ToolCall }
