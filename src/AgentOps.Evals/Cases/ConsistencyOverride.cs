namespace AgentOps.Evals.Cases;

/// <summary>A case's own k and the agreement its outputs must reach across the k trials.</summary>
public sealed record ConsistencyOverride(int? K, double? MinAgreement);
