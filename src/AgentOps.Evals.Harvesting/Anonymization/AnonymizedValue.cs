namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>One replacement made in a case: what kind of value, the original, and what replaced it.</summary>
/// <param name="Kind">What the value was: a PII type's kebab name, or an identifier kind such as <c>session</c> or <c>json-key</c>.</param>
/// <param name="Original">The value as the trace held it; kept only in the mapping store, never in a case.</param>
/// <param name="Replacement">The fake, placeholder or pseudonym written instead.</param>
public sealed record AnonymizedValue(string Kind, string Original, string Replacement);
