namespace AgentOps.Evals.Evaluation;

/// <summary>A single text field of an assertion, with its quoted form for reasons built once.</summary>
internal sealed record TextValue(string Value, string Quoted, string PassReason);
