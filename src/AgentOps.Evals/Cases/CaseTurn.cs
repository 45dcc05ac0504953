using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Cases;

/// <summary>One scripted turn of a conversation case (<c>input.turns[i]</c>): the user's message and the assertions on the agent's reply to it.</summary>
public sealed record CaseTurn(string User, IReadOnlyList<AssertionSpec> Expect, SourceLocation Location);
