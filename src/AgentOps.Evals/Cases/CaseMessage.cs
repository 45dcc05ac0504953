namespace AgentOps.Evals.Cases;

/// <summary>One message of a case's input conversation. Role is system, user, assistant or tool.</summary>
public sealed record CaseMessage(string Role, string Content);
