namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>One replacement made in a case: what kind of value, the original, and what replaced it.</summary>
public sealed record AnonymizedValue(string Kind, string Original, string Replacement);
